package io.streamz.cluster.internal.stream;

import io.streamz.Stream;
import io.streamz.cluster.internal.driver.ClusterContext;
import io.streamz.function.FunctionEx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends elements through cluster maps and gathers right after the driver joins, so that the first user
 * pipelines do not pay for class loading, peer deployment, cache creation and code the JIT has not
 * compiled yet. Two rounds: cheap elements, which go in batches, then elements that take a
 * millisecond each and so go one per task, as a slow function's do, a thousand times. Measured on
 * this project's 2-core machine, 40 elements of {@code sleep(100 ms)} through {@code buffer(8)} in
 * the first pipeline of a fresh JVM: on 8 server threads 534 ms (mean of 6 JVMs) after the cheap
 * round alone, 524 ms (mean of 4) after both (428-434 ms on the default 2 x 8 threads). The slow
 * round costs about 1 s at start ({@code local(2)}: 3.4 s instead of 2.6 s).
 * A failure here is only logged: the cluster is still usable, just slower at first.
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    private static final int CHEAP_ELEMENTS = 200;
    private static final int SLOW_ELEMENTS = 1000;

    private Warmup() {
    }

    public static void run(ClusterContext context) {
        try {
            send(context, CHEAP_ELEMENTS, Warmup::increment);
            send(context, SLOW_ELEMENTS, Warmup::pause);
        } catch (RuntimeException e) {
            LOG.warn("Warming up {} failed; the first pipelines may run slowly", context, e);
        }
    }

    private static void send(ClusterContext context, int elements, FunctionEx<Integer, Integer> f) {
        Stream<Integer> source = Stream.create("warm-up");
        try {
            IgniteClusterStream.scatter(context, source).map(f).buffer(32).gather().sink(x -> { });
            for (int i = 0; i < elements; i++) {
                source.emit(i);
            }
            source.drain();
        } finally {
            source.destroy();
        }
    }

    private static int increment(int x) {
        return x + 1;
    }

    private static int pause(int x) throws InterruptedException {
        Thread.sleep(1);
        return x;
    }
}
