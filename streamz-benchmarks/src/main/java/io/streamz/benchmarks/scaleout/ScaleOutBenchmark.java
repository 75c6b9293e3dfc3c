package io.streamz.benchmarks.scaleout;

import io.streamz.Stream;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.IgniteClusterOptions;
import io.streamz.progress.ProgressReporter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Scale-out on Docker: for 1, 2, then 3 server containers, each limited to a share of the CPUs ({@code --cpus},
 * 0.5 by default, so that a 2-core machine can show growth), the driver (this JVM, a TLS client as the main job
 * is) measures elements/s of a CPU-bound cluster map (about 1 ms of real CPU work per element) and of an
 * {@code accumulateByKey} over 1,000 keys doing the same work per update. Each workload runs its warm-up, then
 * its measured window, with a {@link ProgressReporter} line every 5 s on standard error; {@code docker stats},
 * sampled every 5 s through the window, shows whether the servers sit at their CPU limit (then they,
 * not the driver, are the bottleneck), and the driver's own CPU time over the window how busy it was. Writes {@code OUT/scaleout.md} (the table) and {@code OUT/scaleout.png} (the
 * chart) and prints the table.
 *
 * <p>Run from the repository root, after {@code docker/scripts/make-certs.sh} and
 * {@code docker/scripts/build-images.sh}: {@code java -jar streamz-benchmarks/target/benchmarks.jar scale-out}
 * (options: {@link ScaleOutOptions#USAGE}). Exits non-zero when a cluster does not form or a run fails.
 */
public final class ScaleOutBenchmark {
    /** The first argument of {@code benchmarks.jar} that runs this benchmark instead of JMH. */
    public static final String COMMAND = "scale-out";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration CPU_SAMPLE_PERIOD = Duration.ofSeconds(5);

    private final ScaleOutOptions options;
    private final long iterations;

    private ScaleOutBenchmark(ScaleOutOptions options, long iterations) {
        this.options = options;
        this.iterations = iterations;
    }

    /** Runs the benchmark with {@code args} ({@link ScaleOutOptions#USAGE}) on the calling thread. */
    public static void main(String[] args) throws Exception {
        ScaleOutOptions options;
        try {
            options = ScaleOutOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // As the Docker nodes are: Ignite's own output at error only.
        System.setProperty("IGNITE_QUIET", "true");
        System.setProperty("IGNITE_UPDATE_NOTIFIER", "false");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.ignite", "error");
        long iterations = CpuWork.iterationsFor(options.workMillis());
        System.out.printf(Locale.ROOT, "work per element: %,d xorshift steps = %s ms of CPU on this machine%n",
                iterations, options.workMillis());
        new ScaleOutBenchmark(options, iterations).run();
    }

    private void run() throws Exception {
        List<Measurement> measurements = new ArrayList<>();
        for (int servers : options.servers()) {
            System.out.printf(Locale.ROOT, "starting %d server container(s) of %s, --cpus %s each%n", servers,
                    options.image(), options.cpus());
            try (ServerContainers containers = ServerContainers.start(servers, options.image(), options.cpus(),
                    options.tls(), STARTUP_TIMEOUT);
                 IgniteCluster cluster = IgniteCluster.connect(IgniteClusterOptions.defaults().withTls(options.tls())
                         .withThreads(options.tasksPerServer()), containers.discoveryAddresses())) {
                measurements.add(measure(Workloads.mapName(options.workMillis()), servers, containers,
                        (source, done) -> Workloads.cpuBoundMap(source, cluster, iterations, options.buffer(), done)));
                measurements.add(measure(Workloads.byKeyName(options.keys()), servers, containers,
                        (source, done) -> Workloads.accumulateByKey(source, cluster, iterations, options.keys(),
                                options.buffer(), done)));
            }
            System.out.println(ScaleOutTable.markdown(measurements, options.cpus()));
        }
        write(measurements);
    }

    /**
     * Emits consecutive numbers into the pipeline {@code build} makes, as fast as it takes them (back pressure
     * from its buffer), and returns the results per second in the measured window.
     */
    private Measurement measure(String workload, int servers, ServerContainers containers,
                                BiConsumer<Stream<Long>, AtomicLong> build) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        Stream<Long> source = Stream.create();
        build.accept(source, done);
        AtomicBoolean emitting = new AtomicBoolean(true);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread emitter = new Thread(() -> {
            try {
                for (long i = 0; emitting.get(); i++) {
                    source.emit(i);
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "scale-out emitter");
        String what = workload + ", " + servers + " server" + (servers == 1 ? "" : "s");
        try (ProgressReporter progress = ProgressReporter.start(what, done::get)) {
            emitter.start();
            // Timed windows, not waits for a condition: the benchmark measures what happens in them.
            Thread.sleep(options.warmup().toMillis());
            long startCount = done.get();
            long startCpu = driverCpuNanos();
            long start = System.nanoTime();
            double cpu = serverCpuUntil(start + options.measure().toNanos(), containers);
            long elapsed = System.nanoTime() - start;
            double rate = (done.get() - startCount) / (elapsed / 1e9);
            double driverCpu = 100.0 * (driverCpuNanos() - startCpu) / elapsed;
            emitting.set(false);
            emitter.join();
            source.drain();
            if (failure.get() != null) {
                throw new IllegalStateException(what + ": emitting failed", failure.get());
            }
            System.out.printf(Locale.ROOT, "%s: %,.0f elements/s, servers at %.0f %% CPU each, driver at %.0f %%%n",
                    what, rate, cpu, driverCpu);
            return new Measurement(workload, servers, rate, cpu, driverCpu);
        } finally {
            emitting.set(false);
            source.destroy();
        }
    }

    /**
     * Samples the servers' CPU with {@code docker stats} (a sample takes a second or two) every
     * {@link #CPU_SAMPLE_PERIOD} until {@code deadline} ({@link System#nanoTime()}), and returns the samples' mean:
     * percent of one core per server. Spaced out because the docker command and the engine use CPU too.
     */
    private static double serverCpuUntil(long deadline, ServerContainers containers) throws InterruptedException {
        double sum = 0;
        int samples = 0;
        while (System.nanoTime() < deadline) {
            long next = System.nanoTime() + CPU_SAMPLE_PERIOD.toNanos();
            double sample = containers.cpuPercentPerContainer();
            if (!Double.isNaN(sample)) {
                sum += sample;
                samples++;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(next, deadline) - System.nanoTime());
        }
        return samples == 0 ? Double.NaN : sum / samples;
    }

    /** CPU time this JVM used so far, all threads. */
    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void write(List<Measurement> measurements) throws IOException {
        Path table = options.out().resolve("scaleout.md");
        Path chart = options.out().resolve("scaleout.png");
        Files.createDirectories(options.out());
        String title = String.format(Locale.ROOT, "streamz-ignite scale-out on Docker, --cpus %s per server (%s)",
                options.cpus(), LocalDate.now(ZoneOffset.UTC));
        Files.writeString(table, "<!-- " + title + "; " + options + " -->\n" + ScaleOutTable.markdown(measurements,
                options.cpus()), StandardCharsets.UTF_8);
        ScaleOutChart.write(measurements, title, chart);
        System.out.println("wrote " + table + " and " + chart);
    }

    @Override
    public String toString() {
        return "ScaleOutBenchmark[" + options + "]";
    }
}
