package io.streamz.cluster.internal.driver;

import io.streamz.local.internal.core.InputPosition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The elements of a step that leaves them in emit order ({@code accumulate}, and the keying of
 * {@code accumulateByKey}), waiting in line until their inputs are complete. The line is guarded by
 * the dispatcher's lock, given at construction; {@link #submit} takes it, the other methods say
 * whether they must be called under it.
 */
final class EmitOrderLine {

    private final BooleanSupplier closed;
    private final Supplier<? extends Throwable> closedError;
    private final Object lock;
    private final Runnable pump;
    private final ArrayDeque<Item> line = new ArrayDeque<>();

    /** {@code pump} runs (maybe deferred to the end of a burst) each time an element's input completes. */
    EmitOrderLine(ClusterLiveness liveness, Object lock, Runnable pump) {
        this(liveness::isClosed, liveness::closedError, lock, pump);
    }

    /** A line that fails its elements with {@code closedError} once {@code closed} says the cluster is closed. */
    EmitOrderLine(BooleanSupplier closed, Supplier<? extends Throwable> closedError, Object lock, Runnable pump) {
        this.closed = closed;
        this.closedError = closedError;
        this.lock = lock;
        this.pump = pump;
    }

    /** Puts the element at the end of the line; any thread, but in emit order. */
    void submit(Object input, Handle output) {
        submit(input, output, null);
    }

    /** {@link #submit(Object, Handle)} for an element from the input record at {@code position} (may be {@code null}). */
    void submit(Object input, Handle output, InputPosition position) {
        Item item = new Item(input, output, position);
        synchronized (lock) {
            line.add(item);
        }
        CompletableFuture<?> ready = Inputs.whenReady(input);
        if (ready == null) {
            markReady(item);
        } else {
            ready.whenComplete((ignored, error) -> markReady(item));
        }
    }

    private void markReady(Item item) {
        synchronized (lock) {
            item.ready = true;
        }
        pumpSoon();
    }

    /** Runs the pump now, or once at the end of the burst this thread is in (see {@link Burst}). */
    void pumpSoon() {
        Burst.runOrDefer(pump);
    }

    /**
     * Under the lock: takes the ready elements at the head of the line, up to
     * {@link BatchPolicy#MAX_BATCH} for a task; those that need none (failed or filtered-out input, or
     * the cluster closed) go to {@code settled}, for {@link #settle} outside the lock.
     */
    List<Item> takeReady(List<Item> settled) {
        List<Item> batch = new ArrayList<>();
        while (!line.isEmpty() && line.peek().ready && batch.size() < BatchPolicy.MAX_BATCH) {
            Item item = line.poll();
            boolean skipped = closed.getAsBoolean() || Inputs.failure(item.input) != null || Inputs.absent(item.input);
            (skipped ? settled : batch).add(item);
        }
        return batch;
    }

    /** Outside the lock: fails the elements when the cluster is closed, else passes their failure or absence on. */
    void settle(List<Item> settled) {
        for (Item item : settled) {
            if (closed.getAsBoolean()) {
                TaskPlan.abandon(item, closedError.get());
            } else {
                TaskPlan.settleWithoutTask(item);
            }
        }
    }

    /** Under the lock: whether no element waits. */
    boolean isEmpty() {
        return line.isEmpty();
    }

    /** Under the lock: empties the line, returning its elements (to abandon outside the lock). */
    List<Item> drain() {
        List<Item> all = new ArrayList<>(line);
        line.clear();
        return all;
    }
}
