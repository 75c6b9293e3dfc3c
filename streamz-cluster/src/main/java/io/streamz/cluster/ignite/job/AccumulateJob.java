package io.streamz.cluster.ignite.job;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * A batch of consecutive elements of a cluster {@code accumulate}, run on the node holding its state
 * (the driver sends one batch at a time, in emit order). Elements carry sequence numbers
 * {@code firstSeq, firstSeq+1, ...}; the state entry records the last one applied together with that
 * batch's outcomes, and is written after the outcomes are stored, so a re-run after a failover either
 * recomputes a batch that never reached the state or answers as its first run did: no element is
 * applied twice.
 */
public final class AccumulateJob implements IgniteCallable<JobResult> {
    private static final long serialVersionUID = 1L;

    private final ShippedOp<AccumulateOp> op;
    private final Object stateKey;
    private final long firstSeq;
    private final JobInputs inputs;
    /** Where the outcomes are stored; {@code null} when they are returned or nobody reads them. */
    private final Object outputKey;
    private final boolean returnValues;
    private final Object[] consumed;

    @IgniteInstanceResource
    private transient Ignite ignite;

    public AccumulateJob(ShippedOp<AccumulateOp> op, Object stateKey, long firstSeq, JobInputs inputs, Object outputKey,
                         boolean returnValues, Object[] consumed) {
        this.op = op;
        this.stateKey = stateKey;
        this.firstSeq = firstSeq;
        this.inputs = inputs;
        this.outputKey = outputKey;
        this.returnValues = returnValues;
        this.consumed = consumed;
    }

    @Override
    public JobResult call() {
        IgniteCache<Object, byte[]> data = ignite.cache(Caches.DATA);
        IgniteCache<Object, byte[]> states = ignite.cache(Caches.STATE);
        Codec codec = new Codec(ignite, getClass().getClassLoader());
        AccumulateOp function = op.get(getClass().getClassLoader());
        byte[] stored = states.get(stateKey);
        AccumulateState state = stored == null ? function.initial() : codec.decode(stored);
        long lastSeq = firstSeq + inputs.size() - 1;
        if (state.lastSeq() >= lastSeq) {
            return replay(state, data, codec);
        }
        Object[] values = inputs.resolve(data, codec);
        Outcomes out = op.outcomes(values.length);
        long start = System.nanoTime();
        for (int i = 0; i < values.length; i++) {
            try {
                state = function.apply(state, values[i], out, i);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable e) {
                Interruption.abortIfInterrupted(e);
                out.failed(i, e);
            }
        }
        long nanos = System.nanoTime() - start;
        if (outputKey != null) {
            data.put(outputKey, out.encoded(codec));
        }
        states.put(stateKey, codec.encode(state.applied(lastSeq, out)));
        removeConsumed(data);
        return out.result(nanos, outputKey != null, returnValues, codec);
    }

    private JobResult replay(AccumulateState state, IgniteCache<Object, byte[]> data, Codec codec) {
        if (state.lastSeq() != firstSeq + inputs.size() - 1 || state.lastOutcomes() == null) {
            throw new IllegalStateException("accumulate applied elements up to " + state.lastSeq()
                    + " already, past this batch of " + firstSeq + ".." + (firstSeq + inputs.size() - 1));
        }
        removeConsumed(data);
        return state.lastOutcomes().result(0, outputKey != null, returnValues, codec);
    }

    private void removeConsumed(IgniteCache<Object, byte[]> data) {
        if (consumed.length > 0) {
            data.removeAll(new HashSet<>(Arrays.asList(consumed)));
        }
    }

    // Custom serialization makes Ignite write this class with its optimized marshaller, which keeps no
    // cluster-wide schema of it: a server that met another streamz version of it still accepts this one.
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
    }
}
