package io.streamz.cluster.internal.driver;

import io.streamz.local.internal.core.InputPosition;

/** One element waiting for a cluster step: its input (a handle or a {@code List} of them) and the handle of its result. */
final class Item {
    final Object input;
    final Handle output;
    /** The input record the element comes from, for a durable accumulate; {@code null} when unknown or not needed. */
    final InputPosition position;
    /** Whether every handle of the input is complete (accumulate's dispatcher keeps waiting items in line). */
    boolean ready;

    Item(Object input, Handle output) {
        this(input, output, null);
    }

    Item(Object input, Handle output, InputPosition position) {
        this.input = input;
        this.output = output;
        this.position = position;
    }
}
