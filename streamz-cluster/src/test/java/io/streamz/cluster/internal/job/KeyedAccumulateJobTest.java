package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streamz.cluster.IgniteCluster;
import io.streamz.cluster.config.DriverKeys;
import io.streamz.function.BiFunctionEx;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A keyed accumulate's job run again, as after a failover: it answers as its first run did and
 * applies no element twice, per key, also when only some of its keys' states were written.
 */
class KeyedAccumulateJobTest {
    private static final int PARTITION = 5;
    private static final BiFunctionEx<Integer, Integer, Integer> SUM = (sum, x) -> sum + x;
    private static IgniteCluster cluster;
    private static Ignite client;

    @BeforeAll
    static void start() {
        cluster = IgniteCluster.local(1);
        client = cluster.ignite();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aBatchRunAgainAnswersAsItsFirstRunAndTheNextBatchFollowsOn() {
        Object a = stateKey(1);
        Object b = stateKey(2);

        assertArrayEquals(new Object[] {1, 2, 4}, run(job(new Object[] {a, b, a}, new long[] {1, 2, 3}, 1, 2, 3)));
        assertArrayEquals(new Object[] {1, 2, 4}, run(job(new Object[] {a, b, a}, new long[] {1, 2, 3}, 1, 2, 3)));
        assertArrayEquals(new Object[] {14, 12}, run(job(new Object[] {a, b}, new long[] {4, 5}, 10, 10)));
    }

    @Test
    void aRunAgainAfterOnlySomeKeysWereWrittenAppliesTheOthersOnly() {
        Object a = stateKey(1);
        Object b = stateKey(2);
        assertArrayEquals(new Object[] {1, 2, 4}, run(job(new Object[] {a, b, a}, new long[] {1, 2, 3}, 1, 2, 3)));

        states().remove(b);

        assertArrayEquals(new Object[] {1, 2, 4}, run(job(new Object[] {a, b, a}, new long[] {1, 2, 3}, 1, 2, 3)));
        assertArrayEquals(new Object[] {14, 12}, run(job(new Object[] {a, b}, new long[] {4, 5}, 10, 10)));
    }

    @Test
    void aConfirmedKeyWithoutStateFailsAsLostWhileANewKeyStartsFromTheStartValue() {
        Object lost = stateKey(1);
        Object fresh = stateKey(2);

        JobResult result = client.compute().affinityCall(List.of(Caches.DATA, Caches.STATE), PARTITION,
                job(new Object[] {lost, fresh}, new long[] {4, 5}, new boolean[] {true, false}, 1, 2));

        Codec codec = new Codec(client, KeyedAccumulateJobTest.class.getClassLoader());
        assertEquals(Outcomes.FAILED, result.status(0));
        assertInstanceOf(StateLostException.class, result.errors(codec)[0]);
        assertEquals(Outcomes.PRESENT, result.status(1));
        assertEquals(2, result.values(codec)[1]);
        assertNull(states().get(lost), "a lost key's state stays missing, so its later elements fail too");
    }

    private static Object stateKey(int userKey) {
        return DriverKeys.perKey(DriverKeys.key(UUID.randomUUID(), 1, 0), new byte[] {(byte) userKey}, PARTITION);
    }

    private static KeyedAccumulateJob job(Object[] stateKeys, long[] seqs, Object... values) {
        return job(stateKeys, seqs, new boolean[stateKeys.length], values);
    }

    private static KeyedAccumulateJob job(Object[] stateKeys, long[] seqs, boolean[] confirmed, Object... values) {
        Codec codec = new Codec(client, KeyedAccumulateJobTest.class.getClassLoader());
        JobInputs.Builder inputs = JobInputs.builder();
        for (Object value : values) {
            inputs.addValue(codec.encode(value));
        }
        TaskLimit limit = new TaskLimit(Duration.ofSeconds(30), "cluster accumulateByKey", UUID.randomUUID(), 1);
        return new KeyedAccumulateJob(ShippedOp.of(new AccumulateOp(SUM, true, 0, false), Long.MAX_VALUE), stateKeys, seqs,
                confirmed, new BatchIo(inputs.build(), null, true, new Object[0], limit), Caches.STATE);
    }

    private static Object[] run(KeyedAccumulateJob job) {
        JobResult result = client.compute().affinityCall(List.of(Caches.DATA, Caches.STATE), PARTITION, job);
        return result.values(new Codec(client, KeyedAccumulateJobTest.class.getClassLoader()));
    }

    private static IgniteCache<Object, byte[]> states() {
        return client.cache(Caches.STATE);
    }
}
