package io.streamz.cluster.internal.startup;

import io.streamz.cluster.internal.job.Causes;
import javax.net.ssl.SSLException;

/**
 * What to tell a user whose client could not join: Ignite's top-level message ("Failed to start manager...") hides
 * the reason, which for a TLS mismatch is deep in the cause chain.
 */
public final class JoinFailure {
    private JoinFailure() {
    }

    /** Ignite's message, plus what to do when the failure was a TLS handshake (plain against TLS, or a wrong CA). */
    public static String describe(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        Throwable tls = Causes.first(failure, t -> t instanceof SSLException
                || String.valueOf(t.getMessage()).contains("secure connection"));
        if (tls != null) {
            return message + " (TLS handshake failed: " + tls.getMessage() + "). A streamz Docker cluster requires"
                    + " mutual TLS: connect with IgniteClusterOptions.withTls(dir), dir holding client.p12,"
                    + " truststore.p12 and password made by docker/scripts/make-certs.sh with the cluster's CA";
        }
        return message;
    }
}
