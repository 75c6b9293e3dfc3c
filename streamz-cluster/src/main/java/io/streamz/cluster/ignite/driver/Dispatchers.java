package io.streamz.cluster.ignite.driver;

import io.streamz.cluster.ignite.job.AccumulateOp;
import io.streamz.cluster.ignite.job.ElementOp;
import io.streamz.cluster.ignite.job.ShippedOp;
import io.streamz.function.FunctionEx;

/**
 * Makes the dispatcher of each kind of cluster step, giving it only the pieces of the cluster's
 * context it uses, and registers it, so that closing the cluster fails what waits in it. The one place
 * that wires dispatchers. Stateless; on the thread building the stream.
 */
public final class Dispatchers {
    private Dispatchers() {
    }

    /**
     * The dispatcher of an element-wise step (map, filter, starmap) applying {@code op}, whose results
     * {@code uses} describes; {@code what} names the step in messages ("cluster map").
     */
    public static ElementDispatcher element(ClusterContext cluster, ShippedOp<ElementOp> op, Uses uses, String what) {
        return registered(cluster, new ElementDispatcher(new StepTasks(cluster, what, uses), cluster.liveness(),
                cluster.placement(), op));
    }

    /** The dispatcher of an {@code accumulate} applying {@code op}, its state on the least loaded server for now. */
    public static AccumulateDispatcher accumulate(ClusterContext cluster, ShippedOp<AccumulateOp> op, Uses uses, String what) {
        StateHome home = stateHome(cluster, StatePlace.unnamed(cluster, cluster.placement().partitionOnLeastLoadedServer()),
                "cluster accumulate");
        // The step's one state key: removed with the step unless the state is named before the first element.
        home.track(home.place().key());
        return registered(cluster, new AccumulateDispatcher(new StepTasks(cluster, what, uses), cluster.liveness(), home, op));
    }

    /**
     * The dispatcher of an {@code accumulateByKey} keying its elements with {@code key} and applying
     * {@code op}; its states' keys are made from a step key of this driver's.
     */
    public static KeyedAccumulateDispatcher keyedAccumulate(ClusterContext cluster, ShippedOp<FunctionEx<Object, Object>> key,
                                                            ShippedOp<AccumulateOp> op, Uses uses, String what) {
        ServerSlots slots = new ServerSlots(cluster.options().threads(), new ServerCpus(cluster.ignite())::of);
        KeyLanes lanes = new KeyLanes(cluster.placement()::primary, slots);
        StateHome home = stateHome(cluster, StatePlace.unnamed(cluster, 0), "cluster accumulateByKey");
        return registered(cluster, new KeyedAccumulateDispatcher(new StepTasks(cluster, what, uses), cluster.liveness(), home,
                lanes, key, op));
    }

    private static StateHome stateHome(ClusterContext cluster, StatePlace unnamed, String step) {
        return new StateHome(cluster.lifetimes(), name -> NamedState.claim(cluster, name), unnamed, step);
    }

    private static <D extends Dispatcher> D registered(ClusterContext cluster, D dispatcher) {
        cluster.lifetimes().register(dispatcher);
        return dispatcher;
    }
}
