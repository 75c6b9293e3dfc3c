package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamz.ErrorHandler;
import io.streamz.Stream;
import io.streamz.function.BiFunctionEx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server container dies in the middle of a keyed accumulate whose keys are spread over three servers: every key's
 * state goes on from its backup, so each element's new state, gathered in emit order, is what one local map of sums
 * gives: no element lost, none applied twice, each key's elements in emit order. The node killed is one that holds
 * the primary copy of a key's state at that moment. Has a cluster of its own.
 */
class KeyedNodeFailureIT {

    private static final int ELEMENTS = 600;
    private static final int KEYS = 48;
    private static final int KILL_AT = ELEMENTS / 4;
    private static final String KEY_IS_HERE = "keyed state is here";

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void killingAServerMidStreamLeavesEveryKeysStateTheSumOfItsElementsInEmitOrder() throws Exception {
        // Slow enough that elements of many keys are in flight on every node when one dies.
        BiFunctionEx<Long, Integer, Long> sum = (total, x) -> {
            Thread.sleep(1);
            if (x == KILL_AT)
                System.out.println(KEY_IS_HERE);
            return total + x;
        };

        List<Throwable> reported = new CopyOnWriteArrayList<>();
        ErrorHandler previous = Stream.setErrorHandler((where, error) -> reported.add(error));
        List<Long> gathered;
        try {
            gathered = MidStreamKill.run(ELEMENTS, KEY_IS_HERE, (source, cluster) ->
                source.scatter(cluster).accumulateByKey((Integer x) -> x % KEYS, sum, 0L).buffer(32).gather()
                    .sinkToList());
        }
        finally {
            Stream.setErrorHandler(previous);
        }
        assertEquals(List.of(), reported, "no element failed");
        assertEquals(runningSumsPerKey(), gathered);
        Map<Integer, Long> last = new HashMap<>();
        for (int i = 0; i < ELEMENTS; i++)
            last.put(i % KEYS, gathered.get(i));
        for (int key = 0; key < KEYS; key++)
            assertEquals(sumOfKey(key), last.get(key), "the final state of key " + key);
    }

    /** Each element's new state, computed here: the sum of its key's elements up to it. */
    private static List<Long> runningSumsPerKey() {
        Map<Integer, Long> sums = new HashMap<>();
        List<Long> out = new ArrayList<>();
        for (int x = 0; x < ELEMENTS; x++)
            out.add(sums.merge(x % KEYS, (long)x, Long::sum));
        return out;
    }

    private static long sumOfKey(int key) {
        long total = 0;
        for (int x = key; x < ELEMENTS; x += KEYS)
            total += x;
        return total;
    }
}
