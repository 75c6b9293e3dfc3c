package io.streamz.cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the Docker image's server starts: secure by default, plain only when the operator says so. */
class ServerMainTest {

    @TempDir
    Path dir;

    @Test
    void refusesWithoutATlsDirectoryAndSaysHowToMakeOneOrOptOut() {
        String refusal = ServerMain.refusal(null, Map.of()).orElseThrow();

        assertTrue(refusal.contains("refuses to start without TLS"), refusal);
        assertTrue(refusal.contains("make-certs.sh"), refusal);
        assertTrue(refusal.contains("STREAMZ_INSECURE=true"), refusal);
    }

    @Test
    void refusesWhenTheMountedDirectoryLacksTheServersFilesNamingThem() throws Exception {
        Files.writeString(dir.resolve("password"), "pw");

        String refusal = ServerMain.refusal(null, Map.of("STREAMZ_TLS_DIR", dir.toString())).orElseThrow();

        assertTrue(refusal.contains(dir + " lacks server.p12 (missing), truststore.p12 (missing)"), refusal);
    }

    @Test
    void startsWithCompleteTlsMaterial() throws Exception {
        for (String file : new String[] {"server.p12", "truststore.p12", "password"})
            Files.writeString(dir.resolve(file), "x");

        assertEquals(Optional.empty(), ServerMain.refusal(null, Map.of("STREAMZ_TLS_DIR", dir.toString())));
    }

    @Test
    void startsPlainOnlyWhenInsecureIsExplicitlyTrue() {
        assertEquals(Optional.empty(), ServerMain.refusal(null, Map.of("STREAMZ_INSECURE", "true")));
        assertTrue(ServerMain.refusal(null, Map.of("STREAMZ_INSECURE", "yes")).isPresent());
        assertTrue(ServerMain.refusal(null, Map.of("STREAMZ_INSECURE", "")).isPresent());
    }
}
