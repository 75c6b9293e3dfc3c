package io.streamz.cluster.internal.stream;

import io.streamz.cluster.internal.driver.Dispatcher;
import io.streamz.cluster.internal.driver.Uses;
import io.streamz.cluster.internal.job.ElementOp;
import java.util.function.BiFunction;

/**
 * An element-wise cluster step (map, filter, starmap) as {@link FusedSteps} sees it: its op, its name
 * in messages ("cluster map inc"), the readers of its results, and how to make a dispatcher that sends
 * another op (a fused chain ending here) in its place, for its consumers, on its cluster. Immutable.
 *
 * @param uses          counts the readers of the step's results: of a fused chain's when it ends one
 * @param dispatcherFor makes the dispatcher of an op named by the given name
 */
record ElementStep(ElementOp op, String name, Uses uses, BiFunction<ElementOp, String, Dispatcher> dispatcherFor) {
    /** The dispatcher of this step alone. */
    Dispatcher dispatcher() {
        return dispatcherFor.apply(op, name);
    }
}
