package io.streamz.cluster.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.internal.IgnitionEx;
import org.junit.jupiter.api.Test;

class BoundedBufferDiscoverySpiTest {

    @Test
    void bothNodesUseTheBoundedDiscovery() throws Exception {
        for (String file : List.of("server.xml", "client.xml")) {
            IgniteConfiguration cfg = IgnitionEx.loadConfiguration(getClass().getResource(file)).get1();
            assertTrue(cfg.getDiscoverySpi() instanceof BoundedBufferDiscoverySpi, file);
        }
    }

    /**
     * What Ignite sizes its per-message buffer by stays far below what G1 treats as humongous (half a
     * region, 512 KB at the smallest), however much goes through the socket.
     */
    @Test
    void theSendBufferStaysSmallUnderLoad() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
             Socket sock = new Socket()) {
            BoundedBufferDiscoverySpi.bound(sock);
            sock.connect(server.getLocalSocketAddress());
            try (Socket peer = server.accept()) {
                Thread reader = new Thread(() -> drain(peer));
                reader.start();
                OutputStream out = sock.getOutputStream();
                byte[] chunk = new byte[1 << 16];
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                }
                int size = sock.getSendBufferSize();
                sock.shutdownOutput();
                reader.join();
                assertTrue(size <= 2 * BoundedBufferDiscoverySpi.SEND_BUFFER_BYTES, "send buffer grew to " + size + " bytes");
            }
        }
    }

    private static void drain(Socket peer) {
        try (InputStream in = peer.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (Exception ignored) {
            // The test fails on the writing side if anything went wrong.
        }
    }
}
