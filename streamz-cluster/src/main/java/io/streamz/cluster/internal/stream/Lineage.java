package io.streamz.cluster.internal.stream;

import io.streamz.cluster.internal.driver.Uses;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the handles of a cluster stream come from: the producing steps whose every result arrives
 * here once, those whose results may arrive any number of times (behind slidingWindow or latest),
 * and whether some may be absent (behind a filter). Attaching a consumer counts it in their {@link Uses}.
 */
final class Lineage {
    private final List<Uses> once;
    private final List<Uses> multiplied;
    private final boolean mayBeAbsent;

    private Lineage(List<Uses> once, List<Uses> multiplied, boolean mayBeAbsent) {
        this.once = once;
        this.multiplied = multiplied;
        this.mayBeAbsent = mayBeAbsent;
    }

    /** Values straight from the driver: nothing stored. */
    static Lineage scattered() {
        return new Lineage(List.of(), List.of(), false);
    }

    /** The results of one step. */
    static Lineage produced(Uses uses, boolean mayBeAbsent) {
        return new Lineage(List.of(uses), List.of(), mayBeAbsent);
    }

    static Lineage merge(List<Lineage> lineages) {
        List<Uses> once = new ArrayList<>();
        List<Uses> multiplied = new ArrayList<>();
        boolean absent = false;
        for (Lineage lineage : lineages) {
            once.addAll(lineage.once);
            multiplied.addAll(lineage.multiplied);
            absent |= lineage.mayBeAbsent;
        }
        return new Lineage(once, multiplied, absent);
    }

    boolean mayBeAbsent() {
        return mayBeAbsent;
    }

    /** After a presence gate: no absent handle any more. */
    Lineage present() {
        return new Lineage(once, multiplied, false);
    }

    /** Behind an operator that may pass a handle several times or not at all. */
    Lineage multiplied() {
        List<Uses> all = new ArrayList<>(multiplied);
        all.addAll(once);
        return new Lineage(List.of(), all, false);
    }

    /** A consumer (a step, or a gather) reads these handles. */
    void consumedBy(boolean gather) {
        once.forEach(uses -> uses.add(gather, false));
        multiplied.forEach(uses -> uses.add(gather, true));
    }
}
