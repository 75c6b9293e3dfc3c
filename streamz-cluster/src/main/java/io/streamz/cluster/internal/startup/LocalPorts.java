package io.streamz.cluster.internal.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The loopback ports of one embedded cluster: a discovery port per server, bound exactly (no range),
 * and communication ports after them, all free when chosen from a random place. The discovery
 * addresses list only this cluster's own ports, so two JVMs running embedded clusters at the same
 * time never find each other.
 */
public final class LocalPorts {
    public static final String HOST = "127.0.0.1";
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 60_000;
    /** Communication ports a node may move up by when its own is taken meanwhile. */
    static final int COMMUNICATION_RANGE = 20;

    private final int base;
    private final int servers;

    private LocalPorts(int base, int servers) {
        this.base = base;
        this.servers = servers;
    }

    /** Free ports for {@code servers} servers and a client. */
    public static LocalPorts find(int servers) {
        int span = servers + servers + 1 + COMMUNICATION_RANGE;
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - span);
            if (allFree(candidate, span)) {
                return new LocalPorts(candidate, servers);
            }
        }
        throw new IllegalStateException("found no " + span + " free consecutive ports on " + HOST + " between "
                + LOWEST + " and " + HIGHEST);
    }

    /** The discovery port of server {@code i}. */
    public int discoveryPort(int i) {
        return base + i;
    }

    /** The communication port of node {@code i} (the client is node {@code servers}). */
    public int communicationPort(int i) {
        return base + servers + i;
    }

    /** {@code 127.0.0.1:port} of every server's discovery. */
    public List<String> discoveryAddresses() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            addresses.add(HOST + ":" + discoveryPort(i));
        }
        return addresses;
    }

    private static boolean allFree(int from, int count) {
        try {
            InetAddress loopback = InetAddress.getByName(HOST);
            for (int port = from; port < from + count; port++) {
                try (ServerSocket socket = new ServerSocket(port, 1, loopback)) {
                    socket.setReuseAddress(true);
                }
            }
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
