package io.streamz.benchmarks.kafka;

import io.streamz.cluster.IgniteCluster;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Issue 9's benchmark, a plain program rather than JMH so that both sides share one broker and one
 * JVM: records per second through {@code fromKafkaBatched} -> cluster {@code map} -> cluster {@code
 * toKafka} ({@link StreamzKafkaPipeline}) against a plain kafka-clients consume -> transform ->
 * produce loop ({@link PlainKafkaLoop}), on one Kafka broker started here, in the same run. Each
 * round appends {@code records} new records to the input topic, then lets each side read, upper-case
 * and write them (in alternating order), timing from the start of reading until the last record is
 * acknowledged. The first round warms up and is not counted; the summary gives the median of the
 * others and their ratio (goal: streamz at least 0.8 of the plain loop). Progress is printed every
 * 5 s while a side runs.
 *
 * <p>Run: {@code java -jar streamz-benchmarks/target/benchmarks.jar kafka [records=200000]
 * [rounds=4] [partitions=4] [servers=1] [batch=10000] [pipeline=cluster-read] [buffer=n]} (see
 * {@link BenchSettings}).
 */
public final class KafkaPipelineBenchmark {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(10);
    private static final String INPUT = "bench-in";

    private KafkaPipelineBenchmark() {
    }

    /** The transform both sides apply to each record's value. */
    static String transform(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    /** The input's record {@code i}: a small JSON event of about 70 bytes. */
    static String value(long i) {
        return "{\"id\":" + i + ",\"user\":\"user-" + (i % 1000) + "\",\"action\":\"click\",\"page\":\"/products/" + (i % 97) + "\"}";
    }

    /**
     * Runs the benchmark with {@code args} as {@code name=value} settings (see the class comment).
     *
     * @throws IllegalArgumentException for a setting it does not know, naming the ones it does
     */
    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.parse(args);
        int records = settings.number("records");
        int rounds = settings.number("rounds");
        int partitions = settings.number("partitions");
        quietLogs();
        System.out.println("Kafka benchmark: " + settings);
        try (BenchBroker broker = BenchBroker.start();
             IgniteCluster cluster = IgniteCluster.local(settings.number("servers"))) {
            String servers = broker.bootstrapServers();
            broker.createTopic(INPUT, partitions);
            broker.createTopic("bench-out-plain", partitions);
            broker.createTopic("bench-out-streamz", partitions);
            Arrivals plainDone = new Arrivals();
            Arrivals streamzDone = new Arrivals();
            Measures plainSide = new Measures();
            Measures streamzSide = new Measures();
            try (PlainKafkaLoop plain = new PlainKafkaLoop(servers, INPUT, "bench-out-plain", settings.number("batch"), POLL, plainDone);
                 StreamzKafkaPipeline streamz = new StreamzKafkaPipeline(settings.pipeline(), cluster,
                         new PipelineShape.Endpoints(servers, INPUT, "bench-out-streamz"), settings.number("batch"), POLL,
                         settings.buffer(), streamzDone);
                 Progress progress = new Progress()) {
                for (int round = 0; round < rounds; round++) {
                    broker.fill(INPUT, (long) round * records, records, KafkaPipelineBenchmark::value);
                    long total = (long) (round + 1) * records;
                    Runnable plainRound = () -> plainSide.measure(records, () -> plain.runUntil(total));
                    Runnable streamzRound = () -> streamzSide.measure(records, () -> {
                        streamz.start();
                        try {
                            streamzDone.await(total, ROUND_TIMEOUT);
                        } finally {
                            streamz.stop();
                        }
                    });
                    String label = round == 0 ? "warm-up" : "round " + round;
                    progress.watch(label, plainDone, streamzDone, total);
                    if (round % 2 == 0) {
                        plainRound.run();
                        streamzRound.run();
                    } else {
                        streamzRound.run();
                        plainRound.run();
                    }
                    System.out.printf(Locale.ROOT, "%s: plain %,.0f records/s (%.1f µs CPU each), streamz %,.0f records/s"
                            + " (%.1f µs CPU each), ratio %.2f%n", label, last(plainSide.rates), last(plainSide.cpuMicros),
                            last(streamzSide.rates), last(streamzSide.cpuMicros), last(streamzSide.rates) / last(plainSide.rates));
                }
            }
            summary(plainSide, streamzSide);
        }
        System.exit(0);
    }

    /**
     * One side's rounds: records per second, and the whole process's CPU time per record (the broker,
     * the cluster and the side itself share this JVM): unlike the rate, CPU per record hardly depends
     * on what else the machine runs, so it compares the sides even on a busy machine.
     */
    private static final class Measures {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpuMicros = new ArrayList<>();

        /** Runs {@code work}, which handles {@code records}, on this thread, and notes its figures. */
        void measure(long records, Timed work) {
            long start = System.nanoTime();
            long cpuStart = OS.getProcessCpuTime();
            try {
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            rates.add(records / ((System.nanoTime() - start) / 1e9));
            cpuMicros.add((OS.getProcessCpuTime() - cpuStart) / 1e3 / records);
        }

        @Override
        public String toString() {
            return "<measures: " + rates.size() + " rounds>";
        }
    }

    private interface Timed {
        void run() throws InterruptedException;
    }

    private static void summary(Measures plainSide, Measures streamzSide) {
        int rounds = plainSide.rates.size();
        if (rounds < 2) {
            System.out.println("only a warm-up round: no summary (rounds must be at least 2)");
            return;
        }
        double plain = median(plainSide.rates.subList(1, rounds));
        double streamz = median(streamzSide.rates.subList(1, rounds));
        double plainCpu = median(plainSide.cpuMicros.subList(1, rounds));
        double streamzCpu = median(streamzSide.cpuMicros.subList(1, rounds));
        System.out.printf(Locale.ROOT, "median of %d rounds: plain kafka-clients %,.0f records/s, streamz %,.0f records/s,"
                + " ratio %.2f (goal >= 0.8)%n", rounds - 1, plain, streamz, streamz / plain);
        System.out.printf(Locale.ROOT, "CPU per record (whole process, median): plain %.1f µs, streamz %.1f µs, plain/streamz %.2f%n",
                plainCpu, streamzCpu, plainCpu / streamzCpu);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    /** Kafka's broker and clients log at INFO by default, pages per round; only warnings are wanted. */
    private static void quietLogs() {
        Map<String, String> levels = new HashMap<>();
        levels.put("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        levels.put("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        levels.put("org.slf4j.simpleLogger.log.kafka", "error");
        levels.forEach(System::setProperty);
    }

    /** Prints how far the current round is every 5 s, on a thread of its own. */
    private static final class Progress implements AutoCloseable {
        private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-benchmark-progress");
            thread.setDaemon(true);
            return thread;
        });
        private volatile Supplier<String> line = () -> "starting";

        Progress() {
            printer.scheduleAtFixedRate(() -> System.out.println(line.get()), 5, 5, TimeUnit.SECONDS);
        }

        /** From now on reports {@code label}: the records of each side done out of {@code total}. */
        void watch(String label, Arrivals plain, Arrivals streamz, long total) {
            line = () -> String.format(Locale.ROOT, "  %s: plain %,d / %,d, streamz %,d / %,d records",
                    label, plain.count(), total, streamz.count(), total);
        }

        @Override
        public void close() {
            printer.shutdownNow();
        }

        @Override
        public String toString() {
            return "<benchmark progress: " + line.get() + ">";
        }
    }
}
