package io.streamz.collections;

import io.streamz.Stream;
import io.streamz.cluster.ClusterStream;
import io.streamz.collections.KeyedAccumulation.KeyedChange;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link KeyedAccumulation} on a cluster, for {@code Pipeline.runOn}: the per-key states live in a
 * {@code ClusterStream.accumulateByKey}, on the servers that own the keys, and the driver keeps only
 * the latest state of each key to make each element's value.
 *
 * <p>The cluster has no {@code flatten}, so an element's changes (computed on the cluster, one per
 * key the element touches) come back to the driver as one list, and {@link #apply} emits them one by
 * one into the keyed accumulate, behind a buffer so that the changes of different keys are applied
 * in parallel on the servers. {@link #apply} then waits until every new state is back and returns
 * the value: what crosses the driver is proportional to the keys an element touches, and the caller
 * of the pipeline's {@code emit} still returns only once the element's value is delivered.
 *
 * <p>A change that throws when applied fails its element at once, with that exception as the
 * cause. One lost on the cluster (e.g. its key's state went with every server holding it) goes to
 * the {@code ErrorHandler}, as everything after a buffer does, and the element waiting for it fails
 * after {@link #RESULT_TIMEOUT}. Either way every later element fails too, since the states the
 * driver holds would no longer add up.
 */
final class KeyedSegment<E, K, C, S, R> {
    /** How long an element waits for the new states of its keys, well over the cluster's operation timeout. */
    static final Duration RESULT_TIMEOUT = Duration.ofMinutes(2);
    /** Changes in flight to the keyed accumulate: enough to keep the servers' threads busy. */
    private static final int IN_FLIGHT = 256;

    /**
     * A key's state as it travels from the cluster: with its key, which accumulateByKey does not
     * emit, and the exception its last change failed with (then the state is the one before), so
     * that a failing change fails its element at once rather than after {@link #RESULT_TIMEOUT}.
     */
    private record KeyState<K, S>(K key, S state, RuntimeException failure) implements Serializable {
    }

    private final KeyedFold<E, K, C, S, R> fold;
    private final Stream<Object> changes = Stream.create();
    private final Map<K, S> latest;
    private int expected;
    private int received;
    private CompletableFuture<Void> complete = CompletableFuture.completedFuture(null);
    private String broken;

    /** The keyed accumulate of {@code keyed} on the cluster of {@code on}, fed by {@link #apply}. */
    @SuppressWarnings("unchecked")
    KeyedSegment(KeyedAccumulation<E, K, C, S, R> keyed, ClusterStream<?> on) {
        this.fold = new KeyedFold<>(keyed);
        this.latest = new HashMap<>(keyed.start());
        FunctionEx<Object, Object> key = packed -> ClusterForm.pack(((KeyedChange<K, C>) ClusterForm.unpack(packed)).key()).bytes();
        BiFunctionEx<Object, Object, Object> update = (packedState, packedChange) -> {
            KeyedChange<K, C> change = (KeyedChange<K, C>) ClusterForm.unpack(packedChange);
            KeyState<K, S> prior = (KeyState<K, S>) ClusterForm.unpack(packedState);
            // As the local fold: a key seen for the first time starts from start(), an emptied one afresh.
            S state = prior == null ? keyed.startOf(change.key())
                    : keyed.isEmpty(prior.state()) ? keyed.empty() : prior.state();
            try {
                return ClusterForm.pack(new KeyState<>(change.key(), keyed.apply(state, change.change()), null));
            } catch (RuntimeException e) {
                return ClusterForm.pack(new KeyState<>(change.key(), prior == null ? null : prior.state(), e));
            }
        };
        changes.scatter(on.cluster()).buffer(IN_FLIGHT)
                .accumulateByKey(key, update, (Object) ClusterForm.pack(null))
                .gather()
                .sink(this::arrived);
    }

    /**
     * Applies the changes of one element (in order) on the cluster and returns the element's value;
     * runs on the thread that gathers the changes, one element at a time.
     *
     * @throws IllegalStateException when a change did not come back (see the class comment)
     */
    R apply(List<KeyedChange<K, C>> elementChanges) {
        CompletableFuture<Void> done;
        synchronized (this) {
            if (broken != null) {
                throw new IllegalStateException(broken);
            }
            expected = elementChanges.size();
            received = 0;
            complete = new CompletableFuture<>();
            done = complete;
            if (expected == 0) {
                complete.complete(null);
            }
        }
        try {
            for (KeyedChange<K, C> change : elementChanges) {
                changes.emit(ClusterForm.pack(change));
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                broken = "a keyed accumulate on the cluster could not take all changes of an element (" + e
                        + "): this and every later element fail; build the pipeline again to start over";
            }
            throw e;
        }
        await(done);
        synchronized (this) {
            return fold.keyed().result(latest);
        }
    }

    private void await(CompletableFuture<Void> done) {
        try {
            done.get(RESULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            synchronized (this) {
                broken = "a keyed accumulate on the cluster lost the update of " + (expected - received) + " of "
                        + expected + " keys of an element within " + RESULT_TIMEOUT + " (see the ErrorHandler's log for why): "
                        + "its states no longer add up, so this and every later element fail; build the pipeline "
                        + "again to start over";
                throw new IllegalStateException(broken, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a keyed accumulate on the cluster", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(broken, e.getCause());
        }
    }

    /** A key's new state, gathered from the cluster in emit order. */
    @SuppressWarnings("unchecked")
    private synchronized void arrived(Object packed) {
        KeyState<K, S> state = (KeyState<K, S>) ClusterForm.unpack(packed);
        if (state.failure() != null) {
            // The element's value would miss this change, and the driver's states those of later ones.
            broken = "a keyed accumulate on the cluster failed to apply a change to the key " + state.key() + ": "
                    + state.failure() + "; this and every later element fail, build the pipeline again to start over";
            complete.completeExceptionally(state.failure());
            return;
        }
        fold.put(latest, state.key(), state.state());
        received++;
        if (received == expected) {
            complete.complete(null);
        }
    }

    @Override
    public String toString() {
        return "keyed accumulate on the cluster of " + fold.keyed();
    }
}
