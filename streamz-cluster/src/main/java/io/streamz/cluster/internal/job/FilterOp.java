package io.streamz.cluster.internal.job;

import io.streamz.function.PredicateEx;

/** Cluster {@code filter}: an element the predicate rejects becomes absent (see DESIGN.md). */
public final class FilterOp implements ElementOp {
    private static final long serialVersionUID = 1L;
    private final PredicateEx<Object> predicate;

    @SuppressWarnings("unchecked")
    public FilterOp(PredicateEx<?> predicate) {
        this.predicate = (PredicateEx<Object>) predicate;
    }

    @Override
    public void apply(Object x, Outcomes out, int i) {
        if (predicate.test(x)) {
            out.present(i, x);
        } else {
            out.absent(i);
        }
    }

    @Override
    public Object function() {
        return predicate;
    }
}
