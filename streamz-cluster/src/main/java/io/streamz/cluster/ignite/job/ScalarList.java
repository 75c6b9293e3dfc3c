package io.streamz.cluster.ignite.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * The compact form {@link Codec} gives an {@link ArrayList} whose items are all {@code null}s, boxed
 * scalars or strings of any length (a batch read from Kafka, a mapped batch): the count, then each
 * item as {@link Scalars} writes it, a string as its type byte, its UTF-8 length and its UTF-8 bytes.
 * Ignite's marshaller wrote such a list item by item through its generic machinery, and
 * {@link Codec#needsJava} walked it once more before: at 10,000 strings a batch that was a sizeable
 * part of each cluster step's CPU. Whether a list qualifies is found out while writing it, in one
 * pass. Stateless and thread-safe.
 */
final class ScalarList {
    /** Larger encodings are left to the marshallers, which fail on them saying so. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    private ScalarList() {
    }

    /**
     * {@code list} after {@code tag}, or {@code null} when an item is none of {@code null}, a boxed
     * scalar or a string (or the whole would not fit in an array): then the caller writes it another way.
     */
    static byte[] write(byte tag, ArrayList<?> list) {
        // A snapshot: the size counted must be the size written.
        Object[] items = list.toArray();
        byte[][] utf8 = null;
        long size = 1 + 4;
        for (int i = 0; i < items.length; i++) {
            Object item = items[i];
            if (item instanceof String s) {
                if (utf8 == null) {
                    utf8 = new byte[items.length][];
                }
                utf8[i] = s.getBytes(StandardCharsets.UTF_8);
                size += 1 + 4 + utf8[i].length;
            } else if (item == null || Scalars.isScalar(item)) {
                size += Scalars.size(item);
            } else {
                return null;
            }
        }
        if (size > MAX_BYTES) {
            return null;
        }
        byte[] out = new byte[(int) size];
        out[0] = tag;
        Scalars.putInt(out, 1, items.length);
        int at = 5;
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof String) {
                out[at] = Scalars.STRING;
                Scalars.putInt(out, at + 1, utf8[i].length);
                System.arraycopy(utf8[i], 0, out, at + 5, utf8[i].length);
                at += 5 + utf8[i].length;
            } else {
                at = Scalars.put(out, at, items[i]);
            }
        }
        return out;
    }

    /** The list {@link #write} wrote from {@code from} (after the tag): a new, mutable {@link ArrayList}. */
    static ArrayList<Object> read(byte[] bytes, int from) {
        int count = Scalars.getInt(bytes, from);
        ArrayList<Object> items = new ArrayList<>(count);
        int at = from + 4;
        for (int i = 0; i < count; i++) {
            if (bytes[at] == Scalars.STRING) {
                int length = Scalars.getInt(bytes, at + 1);
                items.add(new String(bytes, at + 5, length, StandardCharsets.UTF_8));
                at += 5 + length;
            } else {
                Object item = Scalars.get(bytes, at);
                items.add(item);
                at += Scalars.size(item);
            }
        }
        return items;
    }
}
