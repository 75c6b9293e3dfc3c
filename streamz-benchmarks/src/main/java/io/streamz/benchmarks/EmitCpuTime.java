package io.streamz.benchmarks;

import io.streamz.Stream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * EmitBenchmark's map → map → filter → sink measured in thread CPU time per element rather than wall
 * time: on a machine loaded by other work, wall time counts the time the thread waited for a core,
 * CPU time much less, so two builds can be compared when JMH's error bars swamp the difference.
 * Prints the CPU ns per element of 5 rounds of 20 M elements, after 3 rounds of warm-up.
 *
 * <pre>java -cp streamz-benchmarks/target/benchmarks.jar io.streamz.benchmarks.EmitCpuTime [on]</pre>
 *
 * {@code on} switches per-node metrics on. {@code Metering} is looked up by name so that the same
 * class runs against a build from before metrics existed (the baseline).
 */
public final class EmitCpuTime {
    private static volatile int sunk;

    private EmitCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        AutoCloseable metering = args.length > 0 && args[0].equals("on")
                ? (AutoCloseable) Class.forName("io.streamz.local.internal.core.Metering").getMethod("on").invoke(null)
                : null;
        Stream<Integer> source = Stream.create();
        source.map(x -> x + 1).map(x -> x * 2).filter(x -> x % 3 != 0).sink(x -> sunk = x);
        Integer[] values = new Integer[1024];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 60; // inside the Integer cache, as in EmitBenchmark
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int elements = 20_000_000;
        for (int round = 0; round < 8; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < elements; i++) {
                source.emit(values[i & 1023]);
            }
            double perElement = (threads.getCurrentThreadCpuTime() - cpu) / (double) elements;
            if (round >= 3) {
                System.out.printf("%.2f ns CPU per element%n", perElement);
            }
        }
        if (metering != null) {
            metering.close();
        }
    }
}
