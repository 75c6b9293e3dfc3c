package io.streamz.benchmarks.scaleout;

import io.streamz.Stream;
import io.streamz.cluster.ClusterTasks;
import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.IgniteClusterOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the servers' CPU time per element of the scale-out benchmark's two {@link Workloads} on an embedded
 * cluster: {@code scatter().map(work)} and {@code scatter().accumulateByKey(x % 1000, count + (work & 1), 0)},
 * both {@code buffer(256).gather()}, about 1 ms of {@link CpuWork} per element. CPU time, summed over each
 * node's threads (Ignite names them {@code ...%instance%}), is what a loaded machine does not inflate, unlike
 * a rate: the figure that says how many elements a server at its CPU limit can take. Arguments: {@code servers elements rounds
 * workMillis} (default 2 3000 3 1.0); system properties {@code workload} ({@code map}, {@code keyed}, both by
 * default), {@code threads} (per server, 8 by default) and {@code driverThreads} (the threads per server the
 * driver counts on, {@code threads} by default; otherwise the pipelines run on a second client that counts on
 * them, as the scale-out benchmark's driver counts on 32 while its servers run 8). Run from {@code benchmarks.jar}
 * with Ignite's {@code --add-opens}: {@code java @ignite-opens -cp streamz-benchmarks/target/benchmarks.jar
 * io.streamz.benchmarks.scaleout.KeyedCpuCheck 2 3000 3 1.0}.
 */
public final class KeyedCpuCheck {
    private static final int KEYS = 1_000;
    private static final int BUFFER = 256;
    /** NIO threads of a node's communication SPI (Ignite's default). */
    private static final int NIO_WORKERS = 4;

    private KeyedCpuCheck() {
    }

    public static void main(String[] args) {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int elements = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        double workMillis = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        long iterations = CpuWork.iterationsFor(workMillis);
        String only = System.getProperty("workload", "both");
        int threads = Integer.getInteger("threads", IgniteClusterOptions.DEFAULTS.threads());
        int assumed = Integer.getInteger("driverThreads", threads);
        try (IgniteCluster local = IgniteCluster.local(servers, IgniteClusterOptions.defaults().withThreads(threads));
             IgniteCluster cluster = assumed == threads ? null : IgniteCluster.connect(
                     IgniteClusterOptions.defaults().withThreads(assumed), local.discoveryAddresses().toArray(String[]::new))) {
            IgniteCluster driver = cluster == null ? local : cluster;
            for (int round = 0; round < rounds; round++) {
                if (!only.equals("keyed")) {
                    run("map", servers, elements, workMillis,
                            (source, done) -> Workloads.cpuBoundMap(source, driver, iterations, BUFFER, done));
                }
                if (!only.equals("map")) {
                    run("accumulateByKey", servers, elements, workMillis,
                            (source, done) -> Workloads.accumulateByKey(source, driver, iterations, KEYS, BUFFER, done));
                }
            }
        }
    }

    /** Builds one workload on {@code source}, counting its results into {@code done}. */
    private interface Workload {
        void build(Stream<Long> source, AtomicLong done);
    }

    private static void run(String name, int servers, int elements, double workMillis, Workload workload) {
        Stream<Long> source = Stream.create();
        AtomicLong done = new AtomicLong();
        workload.build(source, done);
        AtomicLong tasks = new AtomicLong();
        Map<String, Long> before = cpuByNode(servers);
        long start = System.nanoTime();
        try (AutoCloseable counting = ClusterTasks.watch(task -> tasks.incrementAndGet())) {
            for (long i = 0; i < elements; i++) {
                source.emit(i);
            }
            source.drain();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long wall = System.nanoTime() - start;
        Map<String, Long> after = cpuByNode(servers);
        source.destroy();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %,d elements in %5.2f s, %.2f tasks/element, CPU ms/element:",
                name, done.get(), wall / 1e9, (double) tasks.get() / done.get()));
        long serverTotal = 0;
        for (String node : after.keySet().stream().sorted().toList()) {
            long used = after.get(node) - before.getOrDefault(node, 0L);
            if (node.startsWith("server")) {
                serverTotal += used;
            }
            line.append(String.format(Locale.ROOT, " %s %.3f", node, used / 1e6 / done.get()));
        }
        line.append(String.format(Locale.ROOT, " | servers %.3f, beyond the work %.3f",
                serverTotal / 1e6 / done.get(), serverTotal / 1e6 / done.get() - workMillis));
        System.out.println(line);
    }

    /**
     * CPU nanoseconds of the live threads, summed per node: {@code server0..}, {@code client} (the
     * driver's Ignite node), {@code driver} (every other thread). Ignite names a node's threads
     * {@code ...%instance%}, except the communication SPI's NIO workers ({@code %TcpCommunicationSpi%},
     * {@link #NIO_WORKERS} per node): those are given to the nodes in the order the nodes started.
     */
    private static Map<String, Long> cpuByNode(int servers) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byNode = new HashMap<>();
        List<Long> nioWorkers = new ArrayList<>();
        Map<Long, Long> nioCpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu <= 0) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("grid-nio-worker-tcp-comm-")) {
                nioWorkers.add(info.getThreadId());
                nioCpu.put(info.getThreadId(), cpu);
            } else {
                byNode.merge(node(name), cpu, Long::sum);
            }
        }
        Collections.sort(nioWorkers);
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            nodes.add("server" + i);
        }
        nodes.add("client");
        for (int i = 0; i < nioWorkers.size(); i++) {
            byNode.merge(nodes.get(Math.min(i / NIO_WORKERS, nodes.size() - 1)), nioCpu.get(nioWorkers.get(i)), Long::sum);
        }
        return byNode;
    }

    private static String node(String thread) {
        int open = thread.indexOf('%');
        int close = open < 0 ? -1 : thread.indexOf('%', open + 1);
        if (close < 0) {
            return "driver";
        }
        String instance = thread.substring(open + 1, close);
        int server = instance.indexOf("-server-");
        return server >= 0 ? "server" + instance.substring(server + "-server-".length())
                : instance.contains("-client") ? "client" : "driver";
    }
}
