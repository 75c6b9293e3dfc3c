package io.streamz.local.internal.core;

import java.util.ArrayDeque;
import java.util.function.Predicate;

/**
 * Elements in the order they arrived, whose results may come in any order: an element leaves only
 * from the head, once its result is in, so results go on in input order ({@code mapAsync},
 * {@code gather}). Not thread-safe: the owner calls it under its lock.
 *
 * @param <E> what the owner keeps per element
 */
public final class InOrderLine<E> {
    private final ArrayDeque<E> line = new ArrayDeque<>();
    private final Predicate<? super E> ready;

    /** A line whose head may leave once {@code ready} says its result is in. */
    public InOrderLine(Predicate<? super E> ready) {
        this.ready = ready;
    }

    /** Puts {@code element} at the end of the line. */
    public void add(E element) {
        line.add(element);
    }

    /** Takes the head of the line when its result is in, else {@code null} (also when the line is empty). */
    public E pollReady() {
        E head = line.peek();
        return head != null && ready.test(head) ? line.poll() : null;
    }

    /** Whether no element waits. */
    public boolean isEmpty() {
        return line.isEmpty();
    }

    /** How many elements wait. */
    public int size() {
        return line.size();
    }

    @Override
    public String toString() {
        return "InOrderLine[" + line.size() + " waiting]";
    }
}
