package io.streamz.cluster.internal.driver;

/**
 * How one element-wise step sizes its tasks, from the measured time its function takes per element:
 * a task should hold about {@link #TARGET_NANOS} of work, so that messaging costs little beside it,
 * and the work waiting should be spread over enough tasks to keep the servers' threads busy. Cheap
 * functions thus go in large batches with few tasks in flight (throughput), slow ones one element per
 * task with up to one task per server thread (parallelism), plus a quarter more: those wait in the
 * servers' queues, so that a thread that finishes a task starts the next at once instead of waiting
 * for a round trip through the driver. Until the first measurement a function counts as slow, so that
 * a slow one never waits behind a batch.
 *
 * <p>The elements a step holds (waiting or in flight) are bounded by what is upstream: a
 * {@code buffer(64)} lets at most about 64 out. Sent as one task, such a window would leave the
 * servers idle while its answer comes back and the next window fills, one round trip in two; so the
 * elements held are split into {@link #SPLIT} tasks ({@link #taskSize}), sent as soon as each is full:
 * while one answer travels the other runs. Not more: for cheap functions the throughput of a small
 * window is bound by the thread hand-overs each task costs (on the driver, the servers and in
 * Ignite's network threads), not by the servers' work, and four tasks of 16 measured about a third
 * slower than two of 32 ({@code ClusterVsIgniteBenchmark}). The window is the most the step held
 * lately ({@link #window}), not what it holds at the moment: while the window refills after an
 * answer, that is only what is still out.
 */
final class BatchPolicy {
    static final long TARGET_NANOS = 1_000_000;
    static final int MAX_BATCH = 512;
    static final int MIN_TASKS = 2;
    /** Into how many tasks the elements a step holds are split (see the class comment). */
    static final int SPLIT = 2;
    private static final double WEIGHT = 0.3;

    /** Average nanoseconds per element, or negative before any measurement. */
    private double perElement = -1;
    /** The most elements the step held lately (see {@link #window}). */
    private int peak;

    /** A task of {@code elements} spent {@code nanos} in the function; replays (0 ns) say nothing. */
    void record(int elements, long nanos) {
        if (elements == 0 || nanos <= 0) {
            return;
        }
        double measured = (double) nanos / elements;
        perElement = perElement < 0 ? measured : (1 - WEIGHT) * perElement + WEIGHT * measured;
    }

    /**
     * The elements the step holds as its tasks are sized: {@code held} (waiting or in flight) now, or
     * the most it held lately when that is more. A step that a full {@code buffer} bounds holds its
     * whole window only until a task answers; then the emitter refills the window one element at a
     * time, and tasks sized from what is held at each moment of the refill would leave with one or two
     * elements, each keeping its place among the tasks in flight for a whole round trip.
     */
    int window(int held) {
        peak = Math.max(peak, held);
        return peak;
    }

    /**
     * A task left while the step held {@code held} elements: the peak decays by an eighth (at least
     * one), so that a step whose window shrank (a slower source) soon sizes its tasks for the new one.
     */
    void sent(int held) {
        peak = Math.max(held, peak - Math.max(1, peak >> 3));
    }

    int batchLimit() {
        if (perElement < 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(MAX_BATCH, TARGET_NANOS / Math.max(perElement, 1)));
    }

    /**
     * How many elements the next task takes while {@code held} elements wait or run: a
     * {@link #SPLIT}th of them, at least one and at most {@link #batchLimit()}. A waiting element
     * leaves once that many wait.
     */
    int taskSize(int held) {
        return Math.max(1, Math.min(batchLimit(), (held + SPLIT - 1) / SPLIT));
    }

    /**
     * How many tasks may be in flight while {@code elements} wait or run, on {@code threads} server
     * threads: enough to hold them in tasks of {@link #taskSize} and to keep as many threads busy as
     * their work needs, at most one per thread and a quarter more.
     */
    int maxTasks(int elements, int threads) {
        int most = Math.max(tasksFor(threads), MIN_TASKS);
        if (perElement < 0) {
            return most;
        }
        double work = Math.ceil(elements * perElement / TARGET_NANOS);
        double split = Math.ceil((double) elements / taskSize(elements));
        return (int) Math.max(MIN_TASKS, Math.min(most, Math.max(work, split)));
    }

    /**
     * The most tasks of one step that {@code threads} compute threads should have: one per thread and
     * a quarter more (rounded up) waiting in their queue.
     */
    static int tasksFor(int threads) {
        return threads + (threads + 3) / 4;
    }
}
