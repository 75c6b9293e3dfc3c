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
import java.util.stream.Collectors;

/**
 * Issue 9's benchmark, a plain program rather than JMH so that every side shares one broker and one
 * JVM: records per second through a streamz pipeline ({@link StreamzKafkaPipeline}, in one or more
 * {@link PipelineShape}s) against a plain kafka-clients consume -> transform -> produce loop ({@link
 * PlainKafkaLoop}), on one Kafka broker started here, in the same run. Each round appends {@code
 * records} new records to the input topic, then lets each side read, upper-case and write them (one
 * after the other, the order rotating from round to round), timing from the start of reading until
 * the last record is acknowledged, and noting the process's CPU time per record. The first round
 * warms up and is not counted; the summary gives, per pipeline, the median of the others and their
 * ratio to the plain loop (goal: at least 0.8). Progress is printed every 5 s while a side runs.
 *
 * <p>Run: {@code java -jar streamz-benchmarks/target/benchmarks.jar kafka [records=200000]
 * [rounds=4] [partitions=4] [servers=1] [batch=10000] [pipeline=cluster-write|...|all] [buffer=n]}
 * (see {@link BenchSettings}).
 */
public final class KafkaPipelineBenchmark {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(10);
    private static final String INPUT = "bench-in";

    private KafkaPipelineBenchmark() {
    }

    /** The transform every side applies to each record's value. */
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
        int batch = settings.number("batch");
        quietLogs();
        System.out.println("Kafka benchmark: " + settings);
        List<AutoCloseable> closing = new ArrayList<>();
        try (BenchBroker broker = BenchBroker.start();
             IgniteCluster cluster = IgniteCluster.local(settings.number("servers"));
             Progress progress = new Progress()) {
            String servers = broker.bootstrapServers();
            broker.createTopic(INPUT, partitions);
            List<Side> sides = new ArrayList<>();
            broker.createTopic("bench-out-plain", partitions);
            Arrivals plainDone = new Arrivals();
            PlainKafkaLoop plain = new PlainKafkaLoop(servers, INPUT, "bench-out-plain", batch, POLL, plainDone);
            closing.add(plain);
            sides.add(new Side("plain", plainDone, plain::runUntil));
            for (PipelineShape shape : settings.pipelines()) {
                String output = "bench-out-" + shape.label();
                broker.createTopic(output, partitions);
                Arrivals done = new Arrivals();
                StreamzKafkaPipeline pipeline = new StreamzKafkaPipeline(shape, cluster,
                        new PipelineShape.Endpoints(servers, INPUT, output, "streamz-" + shape.label()), batch, POLL,
                        settings.buffer(shape), done);
                closing.add(pipeline);
                sides.add(new Side(shape.label(), done, total -> {
                    pipeline.start();
                    try {
                        done.await(total, ROUND_TIMEOUT);
                    } finally {
                        pipeline.stop();
                    }
                }));
            }
            for (int round = 0; round < rounds; round++) {
                broker.fill(INPUT, (long) round * records, records, KafkaPipelineBenchmark::value);
                long total = (long) (round + 1) * records;
                String label = round == 0 ? "warm-up" : "round " + round;
                progress.watch(label, sides, total);
                for (int i = 0; i < sides.size(); i++) {
                    sides.get((round + i) % sides.size()).run(records, total);
                }
                System.out.println(label + ": " + sides.stream().map(side -> side.lastRound(sides.get(0)))
                        .collect(Collectors.joining("; ")));
            }
            summary(sides);
        } finally {
            for (AutoCloseable side : closing) {
                side.close();
            }
        }
        System.exit(0);
    }

    /** Work that handles records until {@code total} are done in all (this round's and before). */
    private interface Round {
        void runUntil(long total) throws InterruptedException;
    }

    /**
     * One side of the comparison and its rounds: records per second, and the whole process's CPU time
     * per record (the broker, the cluster and the side itself share this JVM): unlike the rate, CPU per
     * record hardly depends on what else the machine runs, so it compares the sides even on a busy
     * machine. Run from the main thread.
     */
    private static final class Side {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final String name;
        final Arrivals done;
        private final Round round;
        final List<Double> rates = new ArrayList<>();
        final List<Double> cpuMicros = new ArrayList<>();
        /** Per round, milliseconds from its start until its first records were done, until its last, and until the side returned. */
        private double firstMillis;
        private double lastMillis;
        private double endMillis;

        Side(String name, Arrivals done, Round round) {
            this.name = name;
            this.done = done;
            this.round = round;
        }

        /** Runs a round of {@code records}, up to {@code total} in all, and notes its figures. */
        void run(long records, long total) {
            done.newRound();
            long start = System.nanoTime();
            long cpuStart = OS.getProcessCpuTime();
            try {
                round.runUntil(total);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            long end = System.nanoTime();
            rates.add(records / ((end - start) / 1e9));
            cpuMicros.add((OS.getProcessCpuTime() - cpuStart) / 1e3 / records);
            firstMillis = (done.firstDone() - start) / 1e6;
            lastMillis = (done.lastDone() - start) / 1e6;
            endMillis = (end - start) / 1e6;
        }

        /** The last round's figures, with the ratio to {@code baseline}'s unless this is it. */
        String lastRound(Side baseline) {
            String figures = String.format(Locale.ROOT, "%s %,.0f records/s (%.1f µs CPU each; first done at %.0f ms, last at %.0f,"
                    + " returned at %.0f)", name, last(rates), last(cpuMicros), firstMillis, lastMillis, endMillis);
            return this == baseline ? figures : figures + String.format(Locale.ROOT, " ratio %.2f", last(rates) / last(baseline.rates));
        }

        double medianRate() {
            return median(rates.subList(1, rates.size()));
        }

        double medianCpu() {
            return median(cpuMicros.subList(1, cpuMicros.size()));
        }

        @Override
        public String toString() {
            return "<benchmark side " + name + ": " + rates.size() + " rounds>";
        }
    }

    private static void summary(List<Side> sides) {
        Side plain = sides.get(0);
        int rounds = plain.rates.size();
        if (rounds < 2) {
            System.out.println("only a warm-up round: no summary (rounds must be at least 2)");
            return;
        }
        System.out.printf(Locale.ROOT, "median of %d rounds: plain kafka-clients %,.0f records/s (%.1f µs CPU per record)%n",
                rounds - 1, plain.medianRate(), plain.medianCpu());
        for (Side side : sides.subList(1, sides.size())) {
            System.out.printf(Locale.ROOT, "  streamz %s: %,.0f records/s, ratio %.2f (goal >= 0.8); %.1f µs CPU per record,"
                    + " plain/streamz %.2f%n", side.name, side.medianRate(), side.medianRate() / plain.medianRate(),
                    side.medianCpu(), plain.medianCpu() / side.medianCpu());
        }
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
        void watch(String label, List<Side> sides, long total) {
            line = () -> "  " + label + ": " + sides.stream()
                    .map(side -> String.format(Locale.ROOT, "%s %,d / %,d", side.name, side.done.count(), total))
                    .collect(Collectors.joining(", ")) + " records";
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
