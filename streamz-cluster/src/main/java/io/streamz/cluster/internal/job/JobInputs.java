package io.streamz.cluster.internal.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ignite.IgniteCache;

/**
 * The inputs of a job's elements: each is a value shipped from the driver (encoded one by one at
 * {@code scatter} by {@link ElementEncoder}, decoded here), a {@link Ref} to an element of a batch
 * stored in the data cache, or a {@link Composite} (a {@code List} of handles made by zip, partition
 * or a window) whose parts are resolved the same way into a {@code List}. The job reads every stored
 * batch it needs with one {@code getAll}, locally when the batches lie on its node.
 */
public final class JobInputs implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object[] keys;
    /**
     * Per element: {@code null} for the shipped value of the same index, else a Ref or a Composite;
     * {@code null} itself when every element is a shipped value (the common case after {@code scatter}):
     * Ignite's marshaller reads an array's nulls one by one, a byte at a time from a synchronized stream.
     */
    private final Object[] items;
    /**
     * The shipped values, each encoded, one after the other (those of the elements first, then those
     * inside composites), or {@code null}. One array: Ignite's marshaller took about 2 µs per element
     * to write and read a job's 512 values as an array of arrays, 0.1 µs as one array.
     */
    private final byte[] shipped;
    /** Where each shipped value ends in {@link #shipped}; the next one starts there. */
    private final int[] shippedEnds;

    private JobInputs(Object[] keys, Object[] items, byte[] shipped, int[] shippedEnds) {
        this.keys = keys;
        this.items = items;
        this.shipped = shipped;
        this.shippedEnds = shippedEnds;
    }

    public static Builder builder() {
        return new Builder(10);
    }

    /** A builder for a job of about {@code elements} elements: its lists never grow. */
    public static Builder builder(int elements) {
        return new Builder(elements);
    }

    public int size() {
        return items == null ? shippedEnds.length : items.length;
    }

    /**
     * The values of the elements, in order.
     *
     * @throws MissingInputException when a stored batch is gone (a re-run after its first run consumed it)
     */
    Object[] resolve(IgniteCache<Object, byte[]> data, Codec codec) {
        Object[][] batches = new Object[keys.length][];
        if (keys.length > 0) {
            Map<Object, byte[]> stored = data.getAll(new HashSet<>(Arrays.asList(keys)));
            for (int k = 0; k < keys.length; k++) {
                byte[] bytes = stored.get(keys[k]);
                if (bytes == null) {
                    throw new MissingInputException(keys[k]);
                }
                batches[k] = codec.<Outcomes>decode(bytes).values();
            }
        }
        Object[] values = shipped == null ? new Object[items.length] : decodedShipped(codec);
        if (items == null) {
            return values;
        }
        for (int i = 0; i < items.length; i++) {
            if (items[i] != null) {
                values[i] = resolve(items[i], batches, values);
            }
        }
        return Arrays.copyOf(values, items.length);
    }

    /** The shipped values; none where an element reads no shipped value (its slice is empty). */
    private Object[] decodedShipped(Codec codec) {
        Object[] values = new Object[shippedEnds.length];
        int from = 0;
        for (int i = 0; i < shippedEnds.length; i++) {
            if (shippedEnds[i] > from) {
                values[i] = codec.decode(shipped, from, shippedEnds[i]);
            }
            from = shippedEnds[i];
        }
        return values;
    }

    private static Object resolve(Object item, Object[][] batches, Object[] shipped) {
        if (item instanceof Ref ref) {
            return batches[ref.key][ref.index];
        }
        if (item instanceof Shipped value) {
            return shipped[value.index];
        }
        Object[] parts = ((Composite) item).parts.clone();
        for (int i = 0; i < parts.length; i++) {
            parts[i] = resolve(parts[i], batches, shipped);
        }
        // Not List.of: user values may be null.
        return Collections.unmodifiableList(Arrays.asList(parts));
    }

    /** Element {@code index} of the stored batch number {@code key} of this job. */
    static final class Ref implements Serializable {
        private static final long serialVersionUID = 1L;
        final int key;
        final int index;

        Ref(int key, int index) {
            this.key = key;
            this.index = index;
        }
    }

    /** A shipped value inside a composite: number {@code index} of the shipped values. */
    static final class Shipped implements Serializable {
        private static final long serialVersionUID = 1L;
        final int index;

        Shipped(int index) {
            this.index = index;
        }
    }

    /** A {@code List} of inputs, resolved part by part. */
    static final class Composite implements Serializable {
        private static final long serialVersionUID = 1L;
        final Object[] parts;

        Composite(Object[] parts) {
            this.parts = parts;
        }
    }

    /** Collects the inputs of one job on the driver; each stored batch is read once. */
    public static final class Builder {
        private final List<Object> keys = new ArrayList<>();
        /** Made at the first {@link #ref}: a job of scattered values reads no stored batch. */
        private Map<Object, Integer> keyIndex;
        private final List<Object> items;
        private final List<byte[]> values;
        private final List<byte[]> nestedValues = new ArrayList<>();
        private boolean anyShipped;

        private Builder(int elements) {
            items = new ArrayList<>(elements);
            values = new ArrayList<>(elements);
        }

        /** The next element's input is a value shipped from the driver, {@code encoded} by {@link ElementEncoder}. */
        public Builder addValue(byte[] value) {
            items.add(null);
            values.add(value);
            anyShipped = true;
            return this;
        }

        /** The next element's input is a {@link #ref} or a {@link #composite}. */
        public Builder add(Object item) {
            items.add(item);
            values.add(null);
            return this;
        }

        /** A reference to element {@code index} of the batch stored under {@code key}. */
        public Object ref(Object key, int index) {
            if (keyIndex == null) {
                keyIndex = new IdentityHashMap<>();
            }
            Integer k = keyIndex.get(key);
            if (k == null) {
                k = keys.size();
                keys.add(key);
                keyIndex.put(key, k);
            }
            return new Ref(k, index);
        }

        /** A value shipped from the driver as part of a composite, {@code encoded} by {@link ElementEncoder}. */
        public Object nestedValue(byte[] value) {
            nestedValues.add(value);
            anyShipped = true;
            return new Shipped(-nestedValues.size());
        }

        /** A {@code List} input made of the given parts (nested values, refs or composites). */
        public Object composite(List<Object> parts) {
            return new Composite(parts.toArray());
        }

        public JobInputs build() {
            Object[] elements = items.toArray();
            if (!anyShipped) {
                return new JobInputs(keys.toArray(), elements, null, null);
            }
            List<byte[]> all = new ArrayList<>(values);
            all.addAll(nestedValues);
            boolean allShipped = true;
            for (Object item : elements) {
                renumber(item, values.size());
                allShipped &= item == null;
            }
            int size = 0;
            for (byte[] value : all) {
                size += value == null ? 0 : value.length;
            }
            byte[] shipped = new byte[size];
            int[] ends = new int[all.size()];
            int at = 0;
            for (int i = 0; i < ends.length; i++) {
                byte[] value = all.get(i);
                if (value != null) {
                    System.arraycopy(value, 0, shipped, at, value.length);
                    at += value.length;
                }
                ends[i] = at;
            }
            return new JobInputs(keys.toArray(), allShipped ? null : elements, shipped, ends);
        }

        /** Nested values were numbered -1, -2, ... before the elements' count was known. */
        private static void renumber(Object item, int elements) {
            if (item instanceof Composite composite) {
                for (int i = 0; i < composite.parts.length; i++) {
                    if (composite.parts[i] instanceof Shipped value && value.index < 0) {
                        composite.parts[i] = new Shipped(elements - value.index - 1);
                    } else {
                        renumber(composite.parts[i], elements);
                    }
                }
            }
        }
    }
}
