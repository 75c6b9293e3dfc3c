package io.streamz.local.internal.ops;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The live list behind {@code sinkToList()}: one writer appends (under a lock), any thread reads
 * without locking. Readers see a prefix of the appended elements; an iterator sees the elements
 * present when it was created, so iterating while elements arrive never throws. Appending is
 * amortized O(1), unlike a {@code CopyOnWriteArrayList}.
 */
final class AppendOnlyList<T> extends AbstractList<T> implements RandomAccess {
    private volatile Object[] elements = new Object[16];
    private volatile int size;

    synchronized void append(T element) {
        Object[] current = elements;
        if (size == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
            elements = current;
        }
        current[size] = element;
        size = size + 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        int visible = size;
        if (index < 0 || index >= visible) {
            throw new IndexOutOfBoundsException("index " + index + " of a list of " + visible);
        }
        return (T) elements[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public java.util.Iterator<T> iterator() {
        return subList(0, size).iterator();
    }
}
