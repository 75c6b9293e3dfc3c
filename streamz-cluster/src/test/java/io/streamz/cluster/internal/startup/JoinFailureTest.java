package io.streamz.cluster.internal.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.net.ssl.SSLException;
import org.apache.ignite.IgniteException;
import org.junit.jupiter.api.Test;

class JoinFailureTest {

    @Test
    void aTlsHandshakeFailureDeepInTheChainSaysHowToConnectWithTls() {
        IgniteException e = new IgniteException("Failed to start manager",
            new IgniteException("Failed to start SPI", new SSLException("Received fatal alert: bad_certificate")));

        String described = JoinFailure.describe(e);

        assertTrue(described.startsWith("Failed to start manager (TLS handshake failed: Received fatal alert"), described);
        assertTrue(described.contains("IgniteClusterOptions.withTls(dir)"), described);
        assertTrue(described.contains("make-certs.sh"), described);
    }

    @Test
    void otherFailuresKeepIgnitesMessage() {
        assertEquals("Join process timed out", JoinFailure.describe(new IgniteException("Join process timed out")));
    }
}
