package io.streamz.cluster.internal.driver;

/**
 * The dispatcher of a step that keeps state on the cluster ({@code accumulate}, {@code accumulateWithState},
 * {@code accumulateByKey}), whose state can be given a stable name ({@code ClusterStream.durable}).
 */
public interface StatefulDispatcher extends Dispatcher {
    /**
     * Keeps the state under {@code name} from now on: claims the name (blocking until the cluster
     * answers), then continues from a state stored under it, if any. On the thread building the stream.
     *
     * @throws IllegalStateException when an element reached the step already, the state is named
     *                               already, or the name cannot be claimed (see {@link NamedState})
     */
    void keepUnder(String name);
}
