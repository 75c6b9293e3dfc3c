package io.streamz.local.ops;

import io.streamz.local.core.Acceptances;
import io.streamz.local.core.Node;

import java.lang.reflect.Array;
import java.util.concurrent.CompletableFuture;

/**
 * {@code flatten}: emits each item of an {@code Iterable} or array element (primitive arrays too),
 * one by one, in order. Stateless: it runs on the emitting thread and takes no lock.
 *
 * <p>Back pressure, as in streamz: every item is emitted at once; the element counts as accepted when
 * every item has been. A failing item stops the element there (the items before it went on). An
 * element that is neither an {@code Iterable} nor an array (a {@code String}, a {@code Map}) fails
 * the {@code emit} with an {@link IllegalArgumentException}.
 *
 * @param <R> item type
 */
public final class FlattenNode<R> extends Node<R> {

    /** Flattens the elements of {@code upstream}. */
    public FlattenNode(Node<?> upstream) {
        super(upstream.scheduler());
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        Acceptances pending = new Acceptances();
        if (x instanceof Iterable<?> items) {
            for (Object item : items) {
                pending.add(emitDownstream(item));
            }
        } else if (x != null && x.getClass().isArray()) {
            int length = Array.getLength(x);
            for (int i = 0; i < length; i++) {
                pending.add(emitDownstream(Array.get(x, i)));
            }
        } else {
            throw new IllegalArgumentException("flatten needs elements that are Iterables or arrays, got "
                    + Describe.element(x));
        }
        return pending.all();
    }

    @Override
    protected String operatorName() {
        return "flatten";
    }
}
