package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.internal.core.Acceptances;
import io.streamz.local.internal.core.HeldElement;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.RefSlots;
import io.streamz.local.internal.core.Refs;

import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * {@code zip_latest}: every element of this (lossless) stream is emitted exactly once, as an immutable
 * {@code List} with the latest element of each other stream after it. Elements of this stream that
 * arrive before every other stream has an element wait here, in order, and are all emitted when the
 * last missing one arrives (as in streamz 0.6.4). Updates of the other streams emit nothing by
 * themselves. The inputs are fixed when it is built.
 *
 * <p>One element at a time under this node's lock, on the thread that emitted into an input, emitting
 * while holding it; downstream's back pressure goes back to that thread. What waits here does not
 * count for {@code drain}.
 */
final class ZipLatestNode extends Node<List<Object>> {
    private static final int LOSSLESS = 0;

    private final Object lock = new Object();
    private final JoinInputs inputs;
    private final Object[] latest;
    /** The references of the elements in {@link #latest} of the other inputs: a replaced element is done here. */
    private final RefSlots latestRefs;
    private final boolean[] seen;
    private final Queue<Object> waiting = new LinkedList<>(); // holds null elements, unlike ArrayDeque
    private int missing;

    /** Zips the lossless {@code self} with the latest of {@code others}, checked: local, none null or twice. */
    ZipLatestNode(Node<?> self, Stream<?>[] others) {
        super(self.scheduler());
        this.inputs = JoinInputs.of("zip_latest", self, others);
        this.latest = new Object[inputs.size()];
        this.latestRefs = new RefSlots(inputs.size());
        this.seen = new boolean[inputs.size()];
        this.missing = inputs.size() - 1;
        inputs.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        int input = inputs.indexOf(from);
        synchronized (lock) {
            if (input == LOSSLESS) {
                waiting.add(HeldElement.hold(x));
            } else {
                latest[input] = x;
                Refs.release(latestRefs.put(input, Refs.retainCurrent()));
                if (!seen[input]) {
                    seen[input] = true;
                    missing--;
                }
            }
            if (missing > 0) {
                return null;
            }
            Acceptances accepted = new Acceptances();
            while (!waiting.isEmpty()) {
                Object held = waiting.remove();
                latest[LOSSLESS] = HeldElement.element(held);
                Refs refs = Refs.merge(latestRefs.retainUnion(), HeldElement.refs(held));
                accepted.add(Refs.emitAndRelease(this, Tuple.wrap(latest.clone()), refs));
            }
            return accepted.all();
        }
    }

    @Override
    protected void release() {
        synchronized (lock) {
            waiting.clear();
        }
    }

    @Override
    protected String operatorName() {
        return "zip_latest";
    }
}
