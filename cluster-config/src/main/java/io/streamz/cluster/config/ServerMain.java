package io.streamz.cluster.config;

import io.streamz.cluster.config.TlsDirectory.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ignite.startup.cmdline.CommandLineStartup;

/**
 * The Docker image's entry point: a server node from {@code server.xml} that is secure by default. It starts only
 * with complete TLS material in the directory named by {@value TlsDirectory#ENV} (or {@value TlsDirectory#PROPERTY}),
 * or when the operator explicitly sets {@value #INSECURE}{@code =true}, which runs it on plain TCP with a warning.
 * Otherwise it prints why it refuses and exits with status {@value #REFUSED}, before starting a JVM's worth of
 * Ignite. A node that comes back from a freeze the others cannot have waited for halts itself ({@link FreezeGuard}), so
 * the container's restart policy brings it back.
 */
public final class ServerMain {

    /** Environment variable that, set to {@code true}, lets a node run without TLS. */
    public static final String INSECURE = "STREAMZ_INSECURE";
    /** Exit status of a node that refuses to start. */
    public static final int REFUSED = 2;
    private static final String SERVER_XML = "io/streamz/cluster/config/server.xml";
    private static final String HOW = "Make the material with docker/scripts/make-certs.sh on the host and mount that"
        + " directory read-only at " + TlsDirectory.ENV + " (docker-compose.yml mounts docker/certs at /etc/streamz/tls),"
        + " or set " + INSECURE + "=true to run WITHOUT TLS, which lets anyone who reaches ports 47500 and 47100"
        + " join the cluster and run any code on it.";

    private ServerMain() {
    }

    /** Starts the node on the calling thread, as Ignite's {@link CommandLineStartup} does; args: an XML, optional. */
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Optional<String> refusal = refusal(System.getProperty(TlsDirectory.PROPERTY), env);
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            System.exit(REFUSED);
        }
        if (insecure(env)) {
            // Blank wins over the environment in server.xml: plain TCP even if a TLS directory is named.
            System.setProperty(TlsDirectory.PROPERTY, "");
            System.err.println("WARNING: " + INSECURE + "=true: this node runs WITHOUT TLS; anyone who reaches ports"
                + " 47500 and 47100 can join the cluster and run any code on it");
        }
        // Once the node runs: a node frozen long enough for the others to drop it halts on resume (FreezeGuard).
        FreezeGuard.startForThisJvm();
        CommandLineStartup.main(args.length > 0 ? args : new String[] {SERVER_XML});
    }

    /**
     * Why a server with this system property and environment must not start, or empty when it may.
     *
     * @param property the value of {@value TlsDirectory#PROPERTY}, or {@code null}
     */
    static Optional<String> refusal(String property, Map<String, String> env) {
        if (insecure(env)) {
            return Optional.empty();
        }
        Optional<TlsDirectory> tls = TlsDirectory.configured(property, env);
        if (tls.isEmpty()) {
            return Optional.of("streamz server refuses to start without TLS: " + TlsDirectory.ENV + " names no"
                + " directory. " + HOW);
        }
        List<String> problems = tls.get().problems(Role.SERVER);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("streamz server refuses to start without TLS: " + tls.get() + " lacks "
            + String.join(", ", problems) + ". " + HOW);
    }

    private static boolean insecure(Map<String, String> env) {
        return "true".equalsIgnoreCase(String.valueOf(env.get(INSECURE)).trim());
    }
}
