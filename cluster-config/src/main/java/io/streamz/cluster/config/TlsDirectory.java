package io.streamz.cluster.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.ignite.ssl.SslContextFactory;

/**
 * A directory of TLS material as {@code docker/scripts/make-certs.sh} writes it, turned into Ignite's
 * {@link SslContextFactory} for one node. Set on an {@code IgniteConfiguration}, that factory secures discovery and
 * communication together, and Ignite 2.17 makes both demand a client certificate (mutual TLS): a node or client
 * whose certificate the trust store's CA did not sign is refused before it joins.
 *
 * <p>The directory holds {@value #TRUST_STORE} (the CA), {@code server.p12} or {@code client.p12} (the node's key
 * pair, by {@link Role}) and {@value #PASSWORD} (the stores' password, one line); all stores are PKCS12.
 *
 * <p>The Spring XML of this module ({@code server.xml}, {@code client.xml}) reads the directory from the system
 * property {@value #PROPERTY} or else the environment variable {@value #ENV}, through
 * {@link #configuredContextFactory(String)}; unset or blank means plain TCP. Thread-safe: instances are immutable.
 */
public final class TlsDirectory {

    /** System property naming the TLS directory; wins over {@link #ENV}. */
    public static final String PROPERTY = "streamz.tls.dir";
    /** Environment variable naming the TLS directory. */
    public static final String ENV = "STREAMZ_TLS_DIR";
    public static final String TRUST_STORE = "truststore.p12";
    public static final String PASSWORD = "password";
    private static final String STORE_TYPE = "PKCS12";

    /** Which key pair a node presents. */
    public enum Role {
        /** A server node: {@code server.p12}. */
        SERVER("server.p12"),
        /** A thick client, the driver: {@code client.p12}. */
        CLIENT("client.p12");

        private final String keyStore;

        Role(String keyStore) {
            this.keyStore = keyStore;
        }

        /** The key store's file name in the directory. */
        public String keyStore() {
            return keyStore;
        }
    }

    private final Path dir;

    private TlsDirectory(Path dir) {
        this.dir = dir;
    }

    /** The TLS material in {@code dir}; nothing is read until {@link #contextFactory(Role)}. */
    public static TlsDirectory of(Path dir) {
        return new TlsDirectory(Objects.requireNonNull(dir, "dir must not be null"));
    }

    /** The directory named by {@value #PROPERTY} or {@value #ENV} in this JVM, if any. */
    public static Optional<TlsDirectory> configured() {
        return configured(System.getProperty(PROPERTY), System.getenv());
    }

    static Optional<TlsDirectory> configured(String property, Map<String, String> env) {
        String named = property != null ? property : env.get(ENV);
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(of(Path.of(named.trim())));
    }

    /**
     * For the Spring XML: the context factory of the {@linkplain #configured() configured} directory for
     * {@code role} ({@code "server"} or {@code "client"}), or {@code null} (plain TCP) when none is configured.
     *
     * @throws IllegalStateException when the directory lacks a file, naming it
     */
    public static SslContextFactory configuredContextFactory(String role) {
        Role parsed = Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        return configured().map(dir -> dir.contextFactory(parsed)).orElse(null);
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /**
     * Ignite's context factory presenting {@code role}'s key pair and trusting the directory's CA. Reads the password
     * file; the stores themselves are opened when the node starts (a wrong password fails there).
     *
     * @throws IllegalStateException when a file is missing or unreadable, naming each and how to make them
     */
    public SslContextFactory contextFactory(Role role) {
        check(role);
        char[] password = password();
        SslContextFactory factory = new SslContextFactory();
        factory.setKeyStoreType(STORE_TYPE);
        factory.setKeyStoreFilePath(dir.resolve(role.keyStore()).toString());
        factory.setKeyStorePassword(password);
        factory.setTrustStoreType(STORE_TYPE);
        factory.setTrustStoreFilePath(dir.resolve(TRUST_STORE).toString());
        factory.setTrustStorePassword(password.clone());
        return factory;
    }

    /**
     * Checks that the files {@code role} needs are here and readable.
     *
     * @throws IllegalStateException naming each missing or unreadable file, and how to make them
     */
    public void check(Role role) {
        List<String> problems = problems(role);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the TLS directory " + dir + " lacks " + String.join(", ", problems)
                + ": a " + role.name().toLowerCase(Locale.ROOT) + " needs " + role.keyStore() + ", " + TRUST_STORE
                + " and " + PASSWORD + "; docker/scripts/make-certs.sh " + dir + " makes them");
        }
    }

    /** Each file {@code role} needs that is missing or unreadable, e.g. {@code "server.p12 (missing)"}. */
    List<String> problems(Role role) {
        List<String> problems = new ArrayList<>();
        for (String file : List.of(role.keyStore(), TRUST_STORE, PASSWORD)) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                problems.add(file + " (missing)");
            } else if (!Files.isReadable(path)) {
                problems.add(file + " (not readable by this user)");
            }
        }
        return problems;
    }

    private char[] password() {
        try {
            String text = Files.readString(dir.resolve(PASSWORD)).strip();
            if (text.isEmpty()) {
                throw new IllegalStateException(dir.resolve(PASSWORD) + " is empty: it must hold the stores' password"
                    + " (docker/scripts/make-certs.sh --force " + dir + " makes new material)");
            }
            return text.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir.resolve(PASSWORD), e);
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
