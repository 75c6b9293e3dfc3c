package io.streamz.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkMainTest {
    private static final List<String> PACKAGES = List.of("java.base/java.nio", "java.base/sun.nio.ch");
    private static final String OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED";

    @Test
    void theForksGetThePackagesTheManifestOpens() {
        assertArrayEquals(new String[] {"-jvmArgsAppend", OPENS, "Emit", "-f", "1"},
                BenchmarkMain.withOpens(new String[] {"Emit", "-f", "1"}, PACKAGES));
    }

    @Test
    void whatTheCommandLineAppendsStays() {
        assertArrayEquals(new String[] {"Emit", "-jvmArgsAppend", "-Xmx2g " + OPENS},
                BenchmarkMain.withOpens(new String[] {"Emit", "-jvmArgsAppend", "-Xmx2g"}, PACKAGES));
    }

    @Test
    void withoutAManifestNothingChanges() {
        assertArrayEquals(new String[] {"-l"}, BenchmarkMain.withOpens(new String[] {"-l"}, List.of()));
    }
}
