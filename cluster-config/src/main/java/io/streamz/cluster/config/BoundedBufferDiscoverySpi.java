package io.streamz.cluster.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.resources.LoggerResource;
import org.apache.ignite.spi.IgniteSpiOperationTimeoutException;
import org.apache.ignite.spi.IgniteSpiOperationTimeoutHelper;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;

/**
 * Ignite's {@link TcpDiscoverySpi}, with a bounded send buffer on the sockets it opens.
 *
 * <p>For every message it writes on such a socket (a client's metrics, every 2 s), Ignite 2.17 allocates
 * a {@code BufferedOutputStream} as large as the socket's send buffer. Linux grows that buffer on its
 * own, to about 2 MB on loopback, and G1 allocates an array that large as a humongous object, which
 * starts a collection cycle: measured on an embedded cluster, a pause of 4-6 ms for every thread of the
 * JVM every 2 s. Discovery messages are small; 64 KB (the kernel doubles it) is plenty for them.
 */
public class BoundedBufferDiscoverySpi extends TcpDiscoverySpi {
    /** The send buffer asked for; Linux reports and uses twice this. */
    static final int SEND_BUFFER_BYTES = 64 * 1024;

    /**
     * Logs under Ignite's own category, not this class's, so that whatever configures Ignite's
     * logging (e.g. {@code org.apache.ignite} at {@code error}) applies to discovery as before. Ignite
     * injects this after its field, which it names after the instance's class.
     */
    @LoggerResource(categoryClass = TcpDiscoverySpi.class)
    public void setDiscoveryLogger(IgniteLogger logger) {
        log = logger;
    }

    @Override
    protected Socket openSocket(Socket sock, InetSocketAddress remAddr, IgniteSpiOperationTimeoutHelper timeoutHelper)
            throws IOException, IgniteSpiOperationTimeoutException {
        bound(sock);
        return super.openSocket(sock, remAddr, timeoutHelper);
    }

    /** Fixes the send buffer of {@code sock}, which also stops the kernel from growing it. */
    static void bound(Socket sock) throws SocketException {
        sock.setSendBufferSize(SEND_BUFFER_BYTES);
    }
}
