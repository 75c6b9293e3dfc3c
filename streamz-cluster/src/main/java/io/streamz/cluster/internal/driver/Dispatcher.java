package io.streamz.cluster.internal.driver;

import java.util.concurrent.CompletableFuture;

/** Sends the elements of one cluster step to the cluster, as tasks of one or more elements. */
public interface Dispatcher {
    /** Takes one element; {@code output} completes when the step's result is known. Never blocks. */
    void submit(Object input, Handle output);

    /** Completes when no element is waiting here or in flight. */
    CompletableFuture<Void> idle();

    /** Fails every element waiting here with {@code reason}: the cluster was closed. */
    void abandon(Throwable reason);

    /** The step node this dispatcher sends for, whose {@code toString()} names the step in messages. */
    default void describedBy(Object step) {
    }

    /** The step was destroyed: frees what it keeps on the cluster once its elements are done. */
    default void release() {
    }
}
