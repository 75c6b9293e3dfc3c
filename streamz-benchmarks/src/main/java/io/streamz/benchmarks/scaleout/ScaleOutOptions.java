package io.streamz.benchmarks.scaleout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of {@link ScaleOutBenchmark}; every one has a default, so no option is needed.
 *
 * @param servers    the cluster sizes to measure, in order ({@code --servers 1,2,3})
 * @param cpus       the CPUs each server container may use ({@code --cpus 0.5})
 * @param warmup     how long each workload runs before it is measured ({@code --warmup SECONDS}, 40: keyed states are created and the servers JIT-compile meanwhile; a server
 *                   limited to half a CPU and given a third of the work compiles slowly, and at 20 s the 3-server
 *                   runs were still getting faster while measured)
 * @param measure    how long it is measured ({@code --seconds SECONDS}, 30)
 * @param workMillis CPU time of the work per element, in ms ({@code --work-ms 1})
 * @param keys       the number of keys of the keyed workload ({@code --keys 1000})
 * @param buffer     elements in flight: the pipelines' {@code buffer(n)} ({@code --buffer 1024}: at 256, in-order {@code gather}
 *                   let three servers hold only two tasks each, and they waited for one another; see the README)
 * @param tasksPerServer the compute threads the driver assumes each server has ({@code --server-threads 32}):
 *                   it keeps about 1.25 times that many tasks in flight per server. The servers have 8; more
 *                   keeps tasks waiting in their queues, so that a round trip through a busy driver never
 *                   leaves a server thread idle
 * @param tls        make-certs.sh's material the servers and the driver present ({@code --tls docker/certs})
 * @param image      the server image ({@code --image streamz/ignite-server:latest})
 * @param out        where the table and chart go ({@code --out docs}: docs/scaleout.md, docs/scaleout.png)
 */
record ScaleOutOptions(List<Integer> servers, double cpus, Duration warmup, Duration measure, double workMillis,
                       int keys, int buffer, int tasksPerServer, Path tls, String image, Path out) {
    static final String USAGE = "usage: java -jar streamz-benchmarks/target/benchmarks.jar scale-out [--servers 1,2,3]"
            + " [--cpus 0.5] [--warmup SECONDS] [--seconds SECONDS] [--work-ms 1] [--keys 1000] [--buffer 1024]"
            + " [--server-threads 32] [--tls docker/certs] [--image streamz/ignite-server:latest] [--out docs]";

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the option and the usage, for an unknown option or a bad value
     */
    static ScaleOutOptions parse(String... args) {
        List<Integer> servers = List.of(1, 2, 3);
        double cpus = 0.5;
        int warmup = 40;
        int measure = 30;
        double workMillis = 1;
        int keys = 1000;
        int buffer = 1024;
        int tasksPerServer = 32;
        Path tls = Path.of("docker/certs");
        String image = "streamz/ignite-server:latest";
        Path out = Path.of("docs");
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            switch (option) {
                case "--servers" -> servers = Arrays.stream(value.split(",")).map(String::strip)
                        .map(s -> (int) positive(option, s)).toList();
                case "--cpus" -> cpus = positive(option, value);
                case "--warmup" -> warmup = (int) positive(option, value);
                case "--seconds" -> measure = (int) positive(option, value);
                case "--work-ms" -> workMillis = positive(option, value);
                case "--keys" -> keys = (int) positive(option, value);
                case "--buffer" -> buffer = (int) positive(option, value);
                case "--server-threads" -> tasksPerServer = (int) positive(option, value);
                case "--tls" -> tls = Path.of(value);
                case "--image" -> image = value;
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new ScaleOutOptions(servers, cpus, Duration.ofSeconds(warmup), Duration.ofSeconds(measure), workMillis,
                keys, buffer, tasksPerServer, tls, image, out);
    }

    private static double positive(String option, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number, was " + value + "\n" + USAGE);
    }
}
