package io.streamz.cluster.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.cluster.config.TlsDirectory.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.ignite.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void contextFactoryPresentsTheRolesKeyPairAndTrustsTheTrustStoreWithThePasswordFromItsFile() throws Exception {
        writeMaterial("s3cret\n", "server.p12", "client.p12");

        SslContextFactory server = TlsDirectory.of(dir).contextFactory(Role.SERVER);
        SslContextFactory client = TlsDirectory.of(dir).contextFactory(Role.CLIENT);

        assertEquals(dir.resolve("server.p12").toString(), server.getKeyStoreFilePath());
        assertEquals(dir.resolve("client.p12").toString(), client.getKeyStoreFilePath());
        for (SslContextFactory factory : new SslContextFactory[] {server, client}) {
            assertEquals(dir.resolve("truststore.p12").toString(), factory.getTrustStoreFilePath());
            assertEquals("PKCS12", factory.getKeyStoreType());
            assertEquals("PKCS12", factory.getTrustStoreType());
            assertArrayEquals("s3cret".toCharArray(), factory.getKeyStorePassword());
            assertArrayEquals("s3cret".toCharArray(), factory.getTrustStorePassword());
        }
    }

    @Test
    void aMissingFileIsNamedWithTheScriptThatMakesIt() throws Exception {
        writeMaterial("pw", "server.p12");

        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> TlsDirectory.of(dir).contextFactory(Role.CLIENT));

        assertTrue(e.getMessage().contains("lacks client.p12 (missing)"), e.getMessage());
        assertTrue(e.getMessage().contains("make-certs.sh"), e.getMessage());
    }

    @Test
    void anEmptyDirectoryNamesEveryFileItLacks() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> TlsDirectory.of(dir).check(Role.SERVER));

        assertTrue(e.getMessage().contains("server.p12 (missing), truststore.p12 (missing), password (missing)"),
            e.getMessage());
    }

    @Test
    void anEmptyPasswordFileIsRefused() throws Exception {
        writeMaterial("\n", "server.p12");

        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> TlsDirectory.of(dir).contextFactory(Role.SERVER));

        assertTrue(e.getMessage().contains("password is empty"), e.getMessage());
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentAndBlankMeansPlain() {
        Map<String, String> env = Map.of(TlsDirectory.ENV, "/from/env");

        assertEquals(Optional.of(Path.of("/from/property")),
            TlsDirectory.configured("/from/property", env).map(TlsDirectory::path));
        assertEquals(Optional.of(Path.of("/from/env")), TlsDirectory.configured(null, env).map(TlsDirectory::path));
        assertEquals(Optional.empty(), TlsDirectory.configured(" ", env));
        assertEquals(Optional.empty(), TlsDirectory.configured(null, Map.of()));
    }

    private void writeMaterial(String password, String... keyStores) throws Exception {
        Files.writeString(dir.resolve("password"), password);
        Files.write(dir.resolve("truststore.p12"), new byte[] {1});
        for (String keyStore : keyStores)
            Files.write(dir.resolve(keyStore), new byte[] {1});
    }
}
