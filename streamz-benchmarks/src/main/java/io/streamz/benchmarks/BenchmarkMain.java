package io.streamz.benchmarks;

import io.streamz.benchmarks.scaleout.ScaleOutBenchmark;
import io.streamz.benchmarks.kafka.KafkaPipelineBenchmark;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The entry point of {@code benchmarks.jar}: JMH's own, with the JDK packages Ignite needs opened in
 * the forked JVMs as well. The jar's manifest opens them for this JVM ({@code Add-Opens}, made at build
 * time from the root pom's {@code ignite.add.opens}); JMH starts its forks with {@code java -cp},
 * where no manifest applies, so they get the same packages through {@code -jvmArgsAppend}, added to
 * whatever the command line appends itself. {@code kafka} as the first argument runs {@link
 * KafkaPipelineBenchmark} instead, a plain program, in this JVM (which the manifest opened for Ignite).
 *
 * <p>{@code java -jar benchmarks.jar scale-out [options]} runs {@link ScaleOutBenchmark} instead, in this JVM:
 * it drives Docker containers, which JMH's forks and iterations do not fit.
 */
public final class BenchmarkMain {
    private static final String APPEND = "-jvmArgsAppend";
    /** The first argument that runs the Kafka benchmark rather than JMH. */
    private static final String KAFKA = "kafka";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(ScaleOutBenchmark.COMMAND)) {
            ScaleOutBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals(KAFKA)) {
            KafkaPipelineBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        org.openjdk.jmh.Main.main(withOpens(args, manifestOpens()));
    }

    /** {@code args} with {@code --add-opens=P=ALL-UNNAMED} appended to the forks' JVM options for each package. */
    static String[] withOpens(String[] args, List<String> packages) {
        if (packages.isEmpty()) {
            return args;
        }
        String opens = packages.stream().map(p -> "--add-opens=" + p + "=ALL-UNNAMED").collect(Collectors.joining(" "));
        List<String> out = new ArrayList<>(Arrays.asList(args));
        int given = out.indexOf(APPEND);
        if (given >= 0 && given + 1 < out.size()) {
            out.set(given + 1, out.get(given + 1) + " " + opens);
        } else {
            out.add(0, APPEND);
            out.add(1, opens);
        }
        return out.toArray(String[]::new);
    }

    /** The packages the jar's manifest opens; none when this class does not run from a jar (an IDE). */
    private static List<String> manifestOpens() throws IOException, URISyntaxException {
        Path location = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(location)) {
            return List.of();
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            Manifest manifest = jar.getManifest();
            String opens = manifest == null ? null : manifest.getMainAttributes().getValue("Add-Opens");
            return opens == null || opens.isBlank() ? List.of() : List.of(opens.trim().split("\\s+"));
        }
    }
}
