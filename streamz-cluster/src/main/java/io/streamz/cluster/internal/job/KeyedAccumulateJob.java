package io.streamz.cluster.internal.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ignite.IgniteCache;

/**
 * A batch of elements of a keyed accumulate, of keys whose partitions lie on one server, run on the
 * node holding the first of them (the driver has one batch per partition out at a time, and sends a
 * partition's elements in emit order). Element {@code i} has the state entry {@code stateKeys[i]} and
 * its partition's sequence number {@code seqs[i]}; each key's entry
 * records the number of its last element applied and the outcomes of its elements in that batch,
 * written after the batch's outcomes are stored. A re-run after a failover therefore applies the
 * elements of a key whose entry did not get written and answers the others' as the first run did:
 * no element is applied twice. An element whose function fails or runs past the task timeout (see
 * {@link ElementWatch}) leaves its key's state as it was; a batch given up because the function
 * ignored the interrupt is recorded as applied, all failed, with the states as before it.
 * The driver also says, per element, whether it saw an element of that key applied: a key whose entry
 * is missing after that lost its state (every server holding it stopped), and its elements fail with
 * {@link StateLostException} instead of starting again from the start value; its entry stays missing,
 * so its later elements fail the same way, while the other keys go on.
 */
public final class KeyedAccumulateJob extends StatefulJob {
    private static final long serialVersionUID = 1L;

    private final Object[] stateKeys;
    private final long[] seqs;
    /** Whether the driver saw an element of element {@code i}'s key applied, so its state must exist. */
    private final boolean[] confirmed;

    public KeyedAccumulateJob(ShippedOp<AccumulateOp> op, Object[] stateKeys, long[] seqs, boolean[] confirmed,
                              BatchIo io, String stateCache) {
        super(op, io, stateCache);
        this.stateKeys = stateKeys;
        this.seqs = seqs;
        this.confirmed = confirmed;
    }

    @Override
    JobResult run(JobSite site, IgniteCache<Object, byte[]> states, AccumulateOp function) {
        Codec codec = site.codec;
        Map<Object, List<Integer>> elementsByKey = elementsByKey();
        Map<Object, byte[]> stored = states.getAll(elementsByKey.keySet());
        Map<Object, AccumulateState> before = new HashMap<>();
        Outcomes out = op.outcomes(stateKeys.length);
        boolean anyToApply = false;
        for (Map.Entry<Object, List<Integer>> key : elementsByKey.entrySet()) {
            byte[] bytes = stored.get(key.getKey());
            if (bytes == null && confirmed[key.getValue().get(0)]) {
                StateLostException lost = new StateLostException();
                key.getValue().forEach(i -> out.failed(i, lost));
                continue;
            }
            AccumulateState state = bytes == null ? function.initial() : codec.decode(bytes);
            if (appliedAlready(state, key.getValue())) {
                replay(state, key.getValue(), out);
            } else {
                before.put(key.getKey(), state);
                anyToApply = true;
            }
        }
        long start = System.nanoTime();
        Map<Object, AccumulateState> after = anyToApply ? apply(function, before, site, states, out) : Map.of();
        long nanos = System.nanoTime() - start;
        boolean outcomesStored = io.store(site, out);
        Map<Object, byte[]> written = new LinkedHashMap<>();
        after.forEach((key, state) -> written.put(key, codec.encode(record(state, elementsByKey.get(key), out))));
        states.putAll(written);
        return io.answer(site, out, nanos, outcomesStored);
    }

    /** Applies the elements of the keys in {@code before}, in order; returns their new states. */
    private Map<Object, AccumulateState> apply(AccumulateOp function, Map<Object, AccumulateState> before,
                                               JobSite site, IgniteCache<Object, byte[]> states, Outcomes out) {
        // Inputs are gone only if a first run removed them, after writing every key's state: then
        // nothing is left to apply and this is not reached.
        Object[] values = io.resolve(site);
        Map<Object, AccumulateState> current = new HashMap<>(before);
        // An element of a key not to apply (lost or replayed) has its outcome already: null leaves it so.
        site.applyEach(values.length, io.limit(), () -> giveUp(before, states, site.codec), out, i -> {
            AccumulateState state = current.get(stateKeys[i]);
            return state == null ? null : function.apply(state, values[i], out, i);
        }, (i, next) -> {
            if (next != null) {
                current.put(stateKeys[i], next);
            }
        });
        return current;
    }

    /** Each state key of the batch, in order of first appearance, with its elements' indexes in order. */
    private Map<Object, List<Integer>> elementsByKey() {
        Map<Object, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < stateKeys.length; i++) {
            byKey.computeIfAbsent(stateKeys[i], k -> new ArrayList<>()).add(i);
        }
        return byKey;
    }

    /** Whether a first run of this batch wrote this key's state; fails when the state is past the batch. */
    private boolean appliedAlready(AccumulateState state, List<Integer> elements) {
        long first = seqs[elements.get(0)];
        long last = seqs[elements.get(elements.size() - 1)];
        if (state.lastSeq() < first) {
            return false;
        }
        if (state.lastSeq() != last || state.lastOutcomes() == null) {
            throw new IllegalStateException("accumulateByKey applied elements up to " + state.lastSeq()
                    + " of this key already, which is not this batch's last of it, " + last);
        }
        return true;
    }

    private static void replay(AccumulateState state, List<Integer> elements, Outcomes out) {
        for (int j = 0; j < elements.size(); j++) {
            out.copy(elements.get(j), state.lastOutcomes(), j);
        }
    }

    /** {@code state} after the batch: its last element's number and its elements' outcomes. */
    private AccumulateState record(AccumulateState state, List<Integer> elements, Outcomes out) {
        Outcomes own = op.outcomes(elements.size());
        for (int j = 0; j < elements.size(); j++) {
            own.copy(j, out, elements.get(j));
        }
        return state.applied(seqs[elements.get(elements.size() - 1)], own);
    }

    /**
     * The function ignored the interrupt and the driver is about to fail this batch: records the keys
     * still to apply as applied, every element failed, with their states as before, so that the next
     * batch follows on (this job, when the function returns at last, writes nothing).
     */
    private void giveUp(Map<Object, AccumulateState> before, IgniteCache<Object, byte[]> states, Codec codec) {
        Outcomes failed = allIgnoredInterrupt(stateKeys.length);
        Map<Object, List<Integer>> elementsByKey = elementsByKey();
        Map<Object, byte[]> written = new LinkedHashMap<>();
        before.forEach((key, state) -> written.put(key, codec.encode(record(state, elementsByKey.get(key), failed))));
        states.putAll(written);
    }
}
