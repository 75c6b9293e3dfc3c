package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.AccumulateOp;
import io.streamz.cluster.internal.job.ElementOp;
import io.streamz.cluster.internal.job.ShippedOp;
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
    public static ElementDispatcher element(ClusterContext context, ShippedOp<ElementOp> op, Uses uses, String what) {
        return registered(context, new ElementDispatcher(stepTasks(context, what, uses), context.liveness(),
                context.placement(), op));
    }

    /** The dispatcher of an {@code accumulate} applying {@code op}, its state on the least loaded server for now. */
    public static AccumulateDispatcher accumulate(ClusterContext context, ShippedOp<AccumulateOp> op, Uses uses, String what) {
        StateHome home = stateHome(context, StatePlace.unnamed(context::newKey, context.placement().partitionOnLeastLoadedServer()),
                "cluster accumulate");
        // The step's one state key: removed with the step unless the state is named before the first element.
        home.track(home.place().key());
        return registered(context, new AccumulateDispatcher(stepTasks(context, what, uses), context.liveness(), home, op));
    }

    /**
     * The dispatcher of an {@code accumulateByKey} keying its elements with {@code key} and applying
     * {@code op}; its states' keys are made from a step key of this driver's.
     */
    public static KeyedAccumulateDispatcher keyedAccumulate(ClusterContext context, ShippedOp<FunctionEx<Object, Object>> key,
                                                            ShippedOp<AccumulateOp> op, Uses uses, String what) {
        ServerSlots slots = new ServerSlots(context.options().threads(), new ServerCpus(context.ignite())::of);
        KeyLanes lanes = new KeyLanes(context.placement()::primary, slots);
        StateHome home = stateHome(context, StatePlace.unnamed(context::newKey, 0), "cluster accumulateByKey");
        return registered(context, new KeyedAccumulateDispatcher(stepTasks(context, what, uses), context.liveness(), home,
                lanes, key, op));
    }

    /** The tasks of the step {@code what}, whose results {@code uses} describes. */
    private static StepTasks stepTasks(ClusterContext context, String what, Uses uses) {
        return new StepTasks(context.stepTask(), context.results(), what, uses);
    }

    private static StateHome stateHome(ClusterContext context, StatePlace unnamed, String step) {
        return new StateHome(context.lifetimes(), name -> NamedState.claim(context.namedStates(), name), unnamed, step);
    }

    private static <D extends Dispatcher> D registered(ClusterContext context, D dispatcher) {
        context.lifetimes().register(dispatcher);
        return dispatcher;
    }
}
