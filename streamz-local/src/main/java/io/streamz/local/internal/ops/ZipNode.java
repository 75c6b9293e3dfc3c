package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.internal.core.HeldElement;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;

import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * {@code zip}: emits an immutable {@code List} of one element from each input (this stream first,
 * then the others in order) as soon as every input has one waiting; elements wait in order, per
 * input. The inputs are fixed when it is built.
 *
 * <p>One element at a time under this node's lock, on the thread that emitted into an input; the
 * tuple is emitted while the lock is held, by the thread whose element completed it, and downstream's
 * back pressure goes back to that thread only. An input that runs ahead piles up here without bound:
 * streamz's {@code maxsize} waits on its event loop, but here one thread often feeds every input, so
 * waiting would deadlock it. What waits here does not count for {@code drain}.
 */
final class ZipNode extends Node<List<Object>> {
    private final Object lock = new Object();
    private final JoinInputs inputs;
    private final Queue<Object>[] waiting;
    private int emptyQueues;

    /** Zips {@code self} with {@code others}, checked: local streams, none null or given twice. */
    @SuppressWarnings("unchecked")
    ZipNode(Node<?> self, Stream<?>[] others) {
        super(self.scheduler());
        this.inputs = JoinInputs.of("zip", self, others);
        this.waiting = new Queue[inputs.size()];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = new LinkedList<>(); // holds null elements, unlike ArrayDeque
        }
        this.emptyQueues = waiting.length;
        inputs.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        int input = inputs.indexOf(from);
        synchronized (lock) {
            Queue<Object> queue = waiting[input];
            if (queue.isEmpty()) {
                emptyQueues--;
            }
            queue.add(HeldElement.hold(x));
            if (emptyQueues > 0) {
                return null;
            }
            Object[] tuple = new Object[waiting.length];
            Refs refs = null;
            for (int i = 0; i < waiting.length; i++) {
                Object held = waiting[i].remove();
                tuple[i] = HeldElement.element(held);
                refs = Refs.merge(refs, HeldElement.refs(held));
                if (waiting[i].isEmpty()) {
                    emptyQueues++;
                }
            }
            return Refs.emitAndRelease(this, Tuple.wrap(tuple), refs);
        }
    }

    @Override
    protected void release() {
        synchronized (lock) {
            for (Queue<Object> queue : waiting) {
                queue.clear();
            }
            emptyQueues = waiting.length;
        }
    }

    @Override
    protected String operatorName() {
        return "zip";
    }
}
