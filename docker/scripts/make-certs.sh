#!/usr/bin/env bash
# Makes the TLS material of a streamz cluster with the JDK's keytool only (no network):
#   DIR/ca/ca.p12        the cluster's certificate authority, key included. Signs the others; nodes never need it,
#                        so it is readable by its owner only. Keep it offline if the cluster matters.
#   DIR/truststore.p12   the CA's certificate: whom nodes and drivers trust
#   DIR/server.p12       a server node's key pair, signed by the CA
#   DIR/client.p12       a driver's (thick client's) key pair, signed by the CA
#   DIR/password         the random password of the four stores
# DIR defaults to docker/certs, where docker-compose.yml mounts it read-only into the servers.
#
# Usage: make-certs.sh [--renew | --force] [DIR]
#   (no flag)  makes everything; does nothing when DIR already holds it all, refuses when it holds a part
#   --renew    new server and client key pairs from the existing CA: nodes trust them at once, so the cluster can
#              be restarted one node at a time
#   --force    everything new, CA included: every node and driver must get the new files, then restart together
set -euo pipefail

# The uid/gid the server image runs as (docker/src/main/docker/Dockerfile): the files it reads belong to this group.
NODE_GID=10001
VALIDITY_DAYS=825
KEYTOOL=${JAVA_HOME:+$JAVA_HOME/bin/}keytool

usage() { echo "usage: $0 [--renew | --force] [DIR]" >&2; exit 2; }

MODE=new
DIR=""
for arg in "$@"; do
  case "$arg" in
    --renew) MODE=renew ;;
    --force) MODE=force ;;
    -h|--help) usage ;;
    -*) echo "unknown option $arg" >&2; usage ;;
    *) [[ -z $DIR ]] || usage; DIR=$arg ;;
  esac
done
DIR=${DIR:-"$(cd "$(dirname "$0")/.." && pwd)/certs"}
command -v "$KEYTOOL" >/dev/null || { echo "keytool not found: install a JDK (it comes with it) or set JAVA_HOME" >&2; exit 1; }

CA=$DIR/ca/ca.p12
LEAVES=("$DIR/server.p12" "$DIR/client.p12")
ALL=("$CA" "$DIR/truststore.p12" "$DIR/password" "${LEAVES[@]}")

present=()
for f in "${ALL[@]}"; do [[ -e $f ]] && present+=("$f"); done

case $MODE in
  new)
    if [[ ${#present[@]} -eq ${#ALL[@]} ]]; then
      echo "$DIR already holds a CA, trust store, server and client stores: nothing done (--renew or --force replace them)"
      exit 0
    elif [[ ${#present[@]} -gt 0 ]]; then
      echo "$DIR holds only part of the TLS material (${present[*]}); --force makes all of it anew" >&2
      exit 1
    fi ;;
  renew)
    for f in "$CA" "$DIR/password" "$DIR/truststore.p12"; do
      [[ -e $f ]] || { echo "--renew needs the existing CA and password, $f is missing; make them without --renew" >&2; exit 1; }
    done ;;
  force) ;;
esac

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# keytool talks on stderr even when all is well: show what it said only when it fails.
kt() { "$KEYTOOL" "$@" >"$WORK/keytool.log" 2>&1 || { echo "keytool $1 failed:" >&2; cat "$WORK/keytool.log" >&2; exit 1; }; }
mkdir -p "$DIR/ca"
chmod 700 "$DIR/ca"

if [[ $MODE == renew ]]; then
  PASSWORD=$(cat "$DIR/password")
else
  rm -f "${ALL[@]}"
  # 32 letters and digits: no character a shell or an XML file would trip over.
  PASSWORD=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 || true)
  (umask 077; printf '%s\n' "$PASSWORD" >"$DIR/password")
  kt -genkeypair -noprompt -alias ca -dname "CN=streamz cluster CA" -keyalg EC -groupname secp256r1 \
    -validity "$VALIDITY_DAYS" -ext bc:c -ext ku:c=keyCertSign,cRLSign \
    -keystore "$CA" -storetype PKCS12 -storepass "$PASSWORD"
  chmod 600 "$CA"
fi
kt -exportcert -rfc -alias ca -keystore "$CA" -storepass "$PASSWORD" -file "$WORK/ca.pem"
[[ -e $DIR/truststore.p12 ]] || kt -importcert -noprompt -alias ca -file "$WORK/ca.pem" \
  -keystore "$DIR/truststore.p12" -storetype PKCS12 -storepass "$PASSWORD"

# Both usages on both: a server node accepts connections and opens them (to the next node of the discovery ring).
sign_key_pair() {
  local role=$1 store=$DIR/$1.p12
  rm -f "$store"
  kt -genkeypair -noprompt -alias "$role" -dname "CN=streamz-$role" -keyalg EC -groupname secp256r1 \
    -validity "$VALIDITY_DAYS" -keystore "$store" -storetype PKCS12 -storepass "$PASSWORD"
  kt -certreq -alias "$role" -keystore "$store" -storepass "$PASSWORD" -file "$WORK/$role.csr"
  kt -gencert -rfc -alias ca -keystore "$CA" -storepass "$PASSWORD" -validity "$VALIDITY_DAYS" \
    -ext ku:c=digitalSignature,keyAgreement -ext eku=serverAuth,clientAuth \
    -infile "$WORK/$role.csr" -outfile "$WORK/$role.pem"
  # keytool builds the chain of the signed certificate from a trusted CA entry, which is not needed afterwards.
  kt -importcert -noprompt -alias ca -file "$WORK/ca.pem" -keystore "$store" -storepass "$PASSWORD"
  kt -importcert -noprompt -alias "$role" -file "$WORK/$role.pem" -keystore "$store" -storepass "$PASSWORD"
  kt -delete -alias ca -keystore "$store" -storepass "$PASSWORD"
}
sign_key_pair server
sign_key_pair client

# The server image runs as uid/gid $NODE_GID: it must read these through a read-only mount. Group-readable when this
# user may give them that group (root may), else readable by all.
shared=("$DIR/truststore.p12" "$DIR/password" "${LEAVES[@]}")
if chgrp "$NODE_GID" "${shared[@]}" 2>/dev/null; then
  chmod 640 "${shared[@]}"
  access="group $NODE_GID (the server image's user) may read them"
else
  chmod 644 "${shared[@]}"
  access="readable by all users of this machine (could not give them group $NODE_GID): keep DIR private"
fi
chmod 755 "$DIR"

case $MODE in
  new) what="made" ;;
  renew) what="server and client key pairs renewed, same CA" ;;
  force) what="all made anew, new CA" ;;
esac
echo "$DIR: TLS material for a streamz cluster ($what):"
for f in "${ALL[@]}"; do echo "  ${f#"$DIR/"}"; done
echo "  $access; ca/ stays with its owner"
