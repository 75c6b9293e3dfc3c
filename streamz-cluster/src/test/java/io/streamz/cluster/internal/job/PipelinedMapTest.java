package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamz.function.FunctionEx;
import io.streamz.spi.PipelinedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A cluster map of a PipelinedFunction starts a job's whole batch before it awaits any element. */
class PipelinedMapTest {
    private final List<String> calls = new ArrayList<>();

    /** Upper-cases, noting each call; refuses to start "bad". */
    private final class Recording implements PipelinedFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String start(String x) {
            calls.add("start " + x);
            if (x.equals("bad")) {
                throw new IllegalStateException("cannot start " + x);
            }
            return x.toUpperCase();
        }

        @Override
        public String await(String x, String started) {
            calls.add("await " + x);
            return started;
        }
    }

    @Test
    void everyElementOfTheBatchIsStartedInOrderBeforeTheFirstIsAwaited() throws Exception {
        Object[] values = {"a", "b", "c"};
        Outcomes out = new Outcomes(values.length, Long.MAX_VALUE);

        ElementOp batch = new MapOp(new Recording()).forBatch(values);
        for (int i = 0; i < values.length; i++) {
            batch.apply(values[i], out, i);
        }

        assertEquals(List.of("start a", "start b", "start c", "await a", "await b", "await c"), calls);
        assertArrayEquals(new Object[] {"A", "B", "C"}, out.values());
    }

    @Test
    void aStartThatFailsFailsItsOwnElementWhenItsTurnComesAndNoOther() throws Exception {
        Object[] values = {"a", "bad", "c"};
        Outcomes out = new Outcomes(values.length, Long.MAX_VALUE);

        ElementOp batch = new MapOp(new Recording()).forBatch(values);
        batch.apply(values[0], out, 0);
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> batch.apply(values[1], out, 1));
        batch.apply(values[2], out, 2);

        assertEquals("cannot start bad", failed.getMessage());
        assertEquals(List.of("start a", "start bad", "start c", "await a", "await c"), calls);
        assertArrayEquals(new Object[] {"A", null, "C"}, out.values());
    }

    /** Else the step's tasks would be sized as if waiting were work: one element each, one wait each. */
    @Test
    void theTimeSpentAwaitingIsReportedAsWaitingNotAsTheFunctionsWork() throws Exception {
        long wait = TimeUnit.MILLISECONDS.toNanos(20);
        PipelinedFunction<String, String, String> slowAck = new PipelinedFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public String start(String x) {
                return x;
            }

            @Override
            public String await(String x, String started) throws InterruptedException {
                // Stands for an acknowledgement on its way; sleep, as a park may return early.
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                return started;
            }
        };
        Object[] values = {"a", "b"};
        Outcomes out = new Outcomes(values.length, Long.MAX_VALUE);

        ElementOp batch = new MapOp(slowAck).forBatch(values);
        assertEquals(0, batch.waitedNanos());
        batch.apply(values[0], out, 0);
        batch.apply(values[1], out, 1);

        assertTrue(batch.waitedNanos() >= 2 * wait, batch.waitedNanos() + " ns");
    }

    @Test
    void anOrdinaryFunctionIsAppliedElementByElementAsBefore() {
        MapOp op = new MapOp((FunctionEx<String, String>) String::toUpperCase);

        assertSame(op, op.forBatch(new Object[] {"a"}));
        assertEquals(0, op.waitedNanos());
    }
}
