package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.RefSlots;
import io.streamz.local.internal.core.Refs;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code combine_latest}: keeps the latest element of every input (this stream first, then the
 * others in order) and, once each has one, emits them as an immutable {@code List} on every update of
 * an input that is among those to emit on (all of them by default). The inputs are fixed when it is
 * built.
 *
 * <p>One element at a time under this node's lock, on the thread that emitted into an input, emitting
 * while holding it; downstream's back pressure goes back to that thread.
 */
final class CombineLatestNode extends Node<List<Object>> {
    private final Object lock = new Object();
    private final JoinInputs inputs;
    private final boolean[] emitOn;
    private final Object[] latest;
    /** The references of the elements in {@link #latest}: a replaced element is done here. */
    private final RefSlots latestRefs;
    private final boolean[] seen;
    private int missing;

    /** Emits on every input's update. */
    CombineLatestNode(Node<?> self, Stream<?>[] others) {
        this(self, others, null);
    }

    /** Emits only on updates of the {@code emitOn} streams, some of this one and {@code others}. */
    CombineLatestNode(Node<?> self, Stream<?>[] others, Collection<? extends Stream<?>> emitOn) {
        super(self.scheduler());
        this.inputs = JoinInputs.of("combine_latest", self, others);
        this.latest = new Object[inputs.size()];
        this.latestRefs = new RefSlots(inputs.size());
        this.seen = new boolean[inputs.size()];
        this.missing = inputs.size();
        if (emitOn == null) {
            this.emitOn = new boolean[inputs.size()];
            Arrays.fill(this.emitOn, true);
        } else {
            if (emitOn.isEmpty()) {
                throw new IllegalArgumentException("emitOn must not be empty: name this stream and/or some of the "
                        + "others, or leave it out to emit on every update");
            }
            this.emitOn = inputs.flags(emitOn, "emitOn");
        }
        inputs.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        int input = inputs.indexOf(from);
        synchronized (lock) {
            latest[input] = x;
            Refs.release(latestRefs.put(input, Refs.retainCurrent()));
            if (!seen[input]) {
                seen[input] = true;
                missing--;
            }
            if (missing > 0 || !emitOn[input]) {
                return null;
            }
            return Refs.emitAndRelease(this, Tuple.wrap(latest.clone()), latestRefs.retainUnion());
        }
    }

    @Override
    protected String operatorName() {
        return "combine_latest";
    }
}
