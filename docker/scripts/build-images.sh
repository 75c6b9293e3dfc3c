#!/usr/bin/env bash
# Builds the streamz Docker images:
#   streamz/jre:17                JRE base image; only when missing. Pulled (eclipse-temurin:17-jre) when a
#                                 registry answers, else made offline with debootstrap (needs root).
#   streamz/ignite-server:latest  a server node from docker/target/docker, which `mvn package` fills; its lib/
#                                 holds kafka-clients and streamz-kafka, for Kafka read and written on the servers.
# Usage: build-images.sh [--base-only]
set -euo pipefail

BASE_IMAGE=streamz/jre:17
SERVER_IMAGE=streamz/ignite-server:latest
PUBLIC_JRE=eclipse-temurin:17-jre
CONTEXT="$(cd "$(dirname "$0")/.." && pwd)/target/docker"

# First `URIs:` of the deb822 sources (Debian 12), else the first `deb` line, else the public mirror.
debian_mirror() {
  local uri=""
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  fi
  if [[ -z $uri && -f /etc/apt/sources.list ]]; then
    uri=$(awk '$1 == "deb" { print ($2 ~ /^\[/ ? $3 : $2); exit }' /etc/apt/sources.list)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

ROOTFS=""
# debootstrap may leave /proc, /sys or a bind-mounted /dev behind when it fails: unmount them, and never
# let rm cross into another file system.
remove_rootfs() {
  [[ -n $ROOTFS ]] || return 0
  grep -o " $ROOTFS/[^ ]*" /proc/mounts | sort -r | xargs -r umount -l 2>/dev/null || true
  rm -rf --one-file-system "$ROOTFS" "$ROOTFS.log"
}
trap remove_rootfs EXIT

build_base_offline() {
  command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }
  local mirror
  mirror=$(debian_mirror)
  ROOTFS=$(mktemp -d /var/tmp/streamz-jre-rootfs.XXXXXX)
  echo "Building $BASE_IMAGE offline with debootstrap from $mirror"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$ROOTFS" "$mirror" \
    > "$ROOTFS.log" 2>&1 || { tail -n 30 "$ROOTFS.log" >&2; exit 1; }
  rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
  tar -C "$ROOTFS" -c . | docker import --change 'ENV LANG=C.UTF-8' - "$BASE_IMAGE" >/dev/null
}

build_base() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    echo "$BASE_IMAGE is present"
  elif timeout 120 docker pull -q "$PUBLIC_JRE" >/dev/null 2>&1; then
    docker tag "$PUBLIC_JRE" "$BASE_IMAGE"
    echo "$BASE_IMAGE tagged from $PUBLIC_JRE"
  else
    build_base_offline
    echo "$BASE_IMAGE built"
  fi
}

build_server() {
  if [[ ! -d $CONTEXT/lib ]]; then
    echo "$CONTEXT/lib is missing: run 'mvn -pl docker -am package -DskipTests' first" >&2
    exit 1
  fi
  if ! compgen -G "$CONTEXT/lib/kafka-clients-*.jar" >/dev/null || ! compgen -G "$CONTEXT/lib/streamz-kafka-*.jar" >/dev/null; then
    echo "$CONTEXT/lib has no kafka-clients or streamz-kafka jar (Kafka on the servers needs both):" \
         "run 'mvn -pl docker -am package -DskipTests' again" >&2
    exit 1
  fi
  docker build -q --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$SERVER_IMAGE" "$CONTEXT" >/dev/null
  echo "$SERVER_IMAGE built from $CONTEXT"
}

case "${1:-}" in
  --base-only) build_base ;;
  "") build_base; build_server ;;
  *) echo "usage: $0 [--base-only]" >&2; exit 2 ;;
esac
