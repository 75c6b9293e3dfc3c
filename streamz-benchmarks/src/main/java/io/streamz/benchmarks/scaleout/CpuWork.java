package io.streamz.benchmarks.scaleout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A fixed amount of real CPU work per element (not a sleep: a sleeping server thread leaves its core to
 * the others, and then more servers would not need to mean more throughput). The work is a xorshift
 * loop whose result the caller returns, so the JIT cannot drop it. {@link #iterationsFor(double)}
 * calibrates the loop against this thread's CPU time, which a busy machine's waiting does not inflate.
 *
 * <p>Runs on the servers too (peer-loaded with the benchmark's functions), so it holds no static state.
 */
final class CpuWork {
    private CpuWork() {
    }

    /** Spins {@code iterations} xorshift steps from {@code seed}; returns the last value. Any thread. */
    static long spin(long iterations, long seed) {
        long x = seed | 1;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /**
     * How many iterations of {@link #spin} take {@code millis} of CPU time on this machine, measured on
     * the calling thread after a warm-up that lets the JIT compile the loop (about half a second of CPU).
     *
     * @throws IllegalStateException when this JVM cannot measure thread CPU time
     */
    static long iterationsFor(double millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time, which calibrates the work per"
                    + " element: run the benchmark on a HotSpot JVM");
        }
        long sink = 0;
        long iterations = 1_000_000;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            long start = threads.getCurrentThreadCpuTime();
            sink += spin(iterations, round);
            // The least time of the rounds: the others include interruptions and the JIT's early code.
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        if (sink == 42) {
            System.out.print("");   // keeps the result alive
        }
        return Math.max(1, Math.round(iterations * millis * 1e6 / Math.max(1, best)));
    }
}
