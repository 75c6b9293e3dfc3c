package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.Codec;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Where the results of tasks are kept on the cluster, as {@link TaskResults} and {@link TaskPlan} use
 * it: a new key of this driver's in a partition, fetching an entry, removing it now or once its holder
 * is garbage, and the {@link Codec} their values and errors are written with. Made by the cluster's
 * context from its parts; a test makes one from stand-ins, without a cluster. Thread-safe when its
 * parts are.
 */
final class ResultStore {
    private final String cluster;
    private final IntFunction<Object> newKey;
    private final Function<Object, CompletableFuture<byte[]>> fetch;
    private final Remover remover;
    private final BiConsumer<Object, Object> removeWhenUnreachable;
    private final Codec codec;

    /**
     * @param cluster               the cluster's name, for messages
     * @param newKey                a key never used before, for an entry in the partition given
     * @param fetch                 reads the entry under a key: {@code null} when it is gone
     * @param remover               removes entries
     * @param removeWhenUnreachable removes the entry under a key once its holder (the first argument) is garbage
     * @param codec                 what the entries' values are written with
     */
    ResultStore(String cluster, IntFunction<Object> newKey, Function<Object, CompletableFuture<byte[]>> fetch, Remover remover,
                BiConsumer<Object, Object> removeWhenUnreachable, Codec codec) {
        this.cluster = cluster;
        this.newKey = newKey;
        this.fetch = fetch;
        this.remover = remover;
        this.removeWhenUnreachable = removeWhenUnreachable;
        this.codec = codec;
    }

    /** A key never used before, for an entry in {@code partition}. */
    Object newKey(int partition) {
        return newKey.apply(partition);
    }

    /** The bytes stored under {@code key}, or {@code null} when they are gone; completes on a callback thread. */
    CompletableFuture<byte[]> fetch(Object key) {
        return fetch.apply(key);
    }

    /** What removes entries, coalescing the removals. */
    Remover remover() {
        return remover;
    }

    /** Removes the entry under {@code key} once {@code holder} is garbage, unless the cluster closed first. */
    void removeWhenUnreachable(Object holder, Object key) {
        removeWhenUnreachable.accept(holder, key);
    }

    Codec codec() {
        return codec;
    }

    /** The cluster's name, for messages. */
    String cluster() {
        return cluster;
    }

    @Override
    public String toString() {
        return "ResultStore[" + cluster + "]";
    }
}
