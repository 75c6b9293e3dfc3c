package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamz.Stream;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server container dies mid-stream: the cluster stream goes on as if nothing had happened. The node killed is the
 * one that runs the {@code accumulate} at that moment, which holds the primary copy of its state. Has a cluster of
 * its own.
 */
class NodeFailureIT {

    private static final int ELEMENTS = 400;
    private static final int KILL_AT = ELEMENTS / 4;
    private static final String STATE_IS_HERE = "accumulate state is here";

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void killingAServerMidStreamLosesNothingDuplicatesNothingAndKeepsOrderAndAccumulateState() throws Exception {
        // Slow enough that elements are in flight on every node when one dies.
        FunctionEx<Integer, Long> slowSquare = x -> {
            Thread.sleep(2);
            return (long)x * x;
        };
        // Order-sensitive: an element applied twice, lost or out of order, or a lost state, changes all that follow.
        BiFunctionEx<Long, Long, Long> hash = (h, x) -> {
            if (x == (long)KILL_AT * KILL_AT)
                System.out.println(STATE_IS_HERE);
            return h * 31 + x;
        };

        List<Long> gathered = MidStreamKill.run(ELEMENTS, STATE_IS_HERE, (source, cluster) ->
            source.scatter(cluster).map(slowSquare).accumulate(hash, 17L).buffer(32).gather().sinkToList());
        assertEquals(localResult(slowSquare, hash), gathered);
    }

    private static List<Long> localResult(FunctionEx<Integer, Long> f, BiFunctionEx<Long, Long, Long> acc) {
        Stream<Integer> local = Stream.create("local");
        List<Long> out = local.map(f).accumulate(acc, 17L).sinkToList();
        IntStream.range(0, ELEMENTS).forEach(local::emit);
        return List.copyOf(out);
    }
}
