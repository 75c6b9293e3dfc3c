package io.streamz.local.internal.core;

/**
 * An element a node queues together with the {@link Refs} it holds, for nodes whose queues keep
 * elements of their own ({@code zip}). Only elements that have references are wrapped, so a graph
 * fed by no counted source allocates nothing here. Any thread.
 *
 * @param x     the element
 * @param refs  its references, owned by whoever holds this
 */
public record HeldElement(Object x, Refs refs) {
    /** {@code x} as a node keeps it: wrapped with a hold on the current references, or as is when there are none. */
    public static Object hold(Object x) {
        Refs refs = Refs.retainCurrent();
        return refs == null ? x : new HeldElement(x, refs);
    }

    /** The element of what {@link #hold} returned. */
    public static Object element(Object held) {
        return held instanceof HeldElement wrapped ? wrapped.x : held;
    }

    /** The references of what {@link #hold} returned (now the caller's), or {@code null}. */
    public static Refs refs(Object held) {
        return held instanceof HeldElement wrapped ? wrapped.refs : null;
    }
}
