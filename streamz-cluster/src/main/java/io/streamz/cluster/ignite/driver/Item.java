package io.streamz.cluster.ignite.driver;

/** One element waiting for a cluster step: its input (a handle or a {@code List} of them) and the handle of its result. */
final class Item {
    final Object input;
    final Handle output;
    /** Whether every handle of the input is complete (accumulate's dispatcher keeps waiting items in line). */
    boolean ready;

    Item(Object input, Handle output) {
        this.input = input;
        this.output = output;
    }
}
