package io.streamz.local.internal.ops;

import io.streamz.local.internal.core.Acceptances;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.Refs;

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
 * <p>Positions: the items of a batch whose counted source knows their positions (a Kafka batch) are
 * each emitted under their own record's position ({@link Refs#forItem}), which durable steps apply
 * once; items of any other element under none. Without counted sources this costs one volatile read.
 *
 * @param <R> item type
 */
final class FlattenNode<R> extends Node<R> {

    /** Flattens the elements of {@code upstream}. */
    FlattenNode(Node<?> upstream) {
        super(upstream.scheduler());
        upstream.connect(this);
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        Acceptances pending = new Acceptances();
        Refs refs = Refs.current();
        if (x instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                pending.add(emitItem(item, refs, x, i++));
            }
        } else if (x != null && x.getClass().isArray()) {
            int length = Array.getLength(x);
            for (int i = 0; i < length; i++) {
                pending.add(emitItem(Array.get(x, i), refs, x, i));
            }
        } else {
            throw new IllegalArgumentException("flatten needs elements that are Iterables or arrays, got "
                    + Describe.element(x));
        }
        return pending.all();
    }

    private CompletableFuture<?> emitItem(Object item, Refs refs, Object element, int index) {
        return refs == null ? emitDownstream(item) : Refs.emitWith(this, item, refs.forItem(element, index));
    }

    @Override
    protected String operatorName() {
        return "flatten";
    }
}
