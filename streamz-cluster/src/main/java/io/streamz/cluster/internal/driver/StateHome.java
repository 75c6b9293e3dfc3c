package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Caches;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Where a stateful step ({@code accumulate}, {@code accumulateByKey}) keeps its state, and when that
 * goes. Unnamed, the state lies under keys of this driver's in {@link Caches#STATE}: each key
 * {@link #track tracked} is removed when the step is released, when its dispatcher (and so this) is
 * garbage, or when the driver leaves. Named ({@link #name}), it lies under the name's keys in {@link Caches#DURABLE} and
 * only the step's destruction removes it ({@link NamedState#destroy}), every key's, whichever driver
 * wrote it. Also names the step in messages ({@link #step}). Thread-safe.
 */
final class StateHome {
    private final StepLifetimes lifetimes;
    private final Function<String, NamedState> claim;
    /** Where the state lies; fixed before the first element (see {@link #name}). */
    private volatile StatePlace place;
    private NamedState named;
    /** The unnamed state's keys, removed with the step. */
    private final Set<Object> keys = new HashSet<>();
    private volatile Object step;

    /**
     * The home of a step's state, unnamed at {@code unnamed} until {@link #name} names it; {@code claim}
     * claims a name (see {@link NamedState#claim}); {@code step} names the step until {@link #describedBy}
     * names it better. Only the step's dispatcher may hold it: the unnamed state goes when this is garbage.
     */
    StateHome(StepLifetimes lifetimes, Function<String, NamedState> claim, StatePlace unnamed, String step) {
        this.lifetimes = lifetimes;
        this.claim = claim;
        this.place = unnamed;
        this.step = step;
    }

    /** Where the state lies now; any thread. */
    StatePlace place() {
        return place;
    }

    /** The step as messages name it. */
    Object step() {
        return step;
    }

    /** The step node whose {@code toString()} names the step in messages from now on. */
    void describedBy(Object step) {
        this.step = step;
    }

    /**
     * Keeps the state under {@code name} from now on: claims the name (blocking until the cluster answers)
     * and forgets the unnamed keys without removing anything. On the thread building the stream.
     *
     * @param started whether an element reached the step already
     * @return the name claimed, which says where its sequence numbers start
     * @throws IllegalStateException when the state is named already, the step started, or the name cannot
     *                               be claimed (see {@link NamedState#claim})
     */
    synchronized NamedState name(String name, boolean started) {
        if (named != null) {
            throw new IllegalStateException(step + " keeps its state under \"" + named + "\" already");
        }
        if (started) {
            throw new IllegalStateException(step + " has taken elements already: name its state with durable(...) "
                    + "while building the stream, before the first emit");
        }
        named = claim.apply(name);
        keys.forEach(lifetimes::unregisterState);
        keys.clear();
        place = StatePlace.named(named);
        lifetimes.whenUnreachable(this, named::release);
        return named;
    }

    /** A state key the step writes: an unnamed state's is removed with the step, a named state's left to destroy(). */
    synchronized void track(Object stateKey) {
        if (named == null && keys.add(stateKey)) {
            lifetimes.registerState(this, stateKey);
        }
    }

    /**
     * The step was destroyed: removes the state once {@code applied} completes (the elements sent are
     * applied: a job still running would write it again).
     */
    void release(CompletableFuture<Void> applied) {
        NamedState name;
        synchronized (this) {
            name = named;
        }
        if (name != null) {
            name.destroy(applied);
            return;
        }
        applied.whenComplete((ignored, error) -> {
            List<Object> all;
            synchronized (this) {
                all = new ArrayList<>(keys);
            }
            all.forEach(lifetimes::forgetState);
        });
    }

    @Override
    public synchronized String toString() {
        return "StateHome[" + step + (named != null ? " under \"" + named + "\"" : ", " + keys.size() + " unnamed keys") + "]";
    }
}
