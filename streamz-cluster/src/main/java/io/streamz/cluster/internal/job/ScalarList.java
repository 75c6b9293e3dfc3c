package io.streamz.cluster.internal.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * The compact form {@link Codec} gives an {@link ArrayList} whose items are all {@code null}s, boxed
 * scalars, strings of any length or such lists again (a batch read from Kafka, a mapped batch, a
 * task's values): the count, then each item as {@link Scalars} writes it, a string as its type byte,
 * its UTF-8 length and its UTF-8 bytes, a list as its type byte and this form again. Ignite's
 * marshaller wrote such a list item by item through its generic machinery, and
 * {@link Codec#needsJava} walked it once more before: at 10,000 strings a batch that was a sizeable
 * part of each cluster step's CPU. Whether a list qualifies is found out while writing it, in one
 * pass. Stateless and thread-safe.
 */
final class ScalarList {
    private static final byte LIST = 'L';
    /** Larger encodings are left to the marshallers, which fail on them saying so. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 16;
    /** Lists nested deeper are left to the marshallers: a list holding itself must not overflow the stack. */
    private static final int MAX_DEPTH = 4;

    private ScalarList() {
    }

    /**
     * {@code list} after {@code tag}, or {@code null} when an item is none of {@code null}, a boxed
     * scalar, a string or such an {@code ArrayList} (or the whole would not fit in an array): then
     * the caller writes it another way.
     */
    static byte[] write(byte tag, ArrayList<?> list) {
        // A snapshot: the size counted must be the size written.
        return write(tag, list.toArray(), 0);
    }

    /** {@code items} as {@link #write(byte, ArrayList)} writes a list of them. */
    static byte[] write(byte tag, Object[] items, int depth) {
        byte[][] pieces = null;
        long size = 1 + 4;
        for (int i = 0; i < items.length; i++) {
            Object item = items[i];
            byte[] piece = null;
            if (item instanceof String s) {
                piece = s.getBytes(StandardCharsets.UTF_8);
                size += 1 + 4 + piece.length;
            } else if (item != null && item.getClass() == ArrayList.class && depth < MAX_DEPTH) {
                piece = write(LIST, ((ArrayList<?>) item).toArray(), depth + 1);
                if (piece == null) {
                    return null;
                }
                size += piece.length;
            } else if (item == null || Scalars.isScalar(item)) {
                size += Scalars.size(item);
            } else {
                return null;
            }
            if (piece != null) {
                if (pieces == null) {
                    pieces = new byte[items.length][];
                }
                pieces[i] = piece;
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
                Scalars.putInt(out, at + 1, pieces[i].length);
                at += 5;
            } else if (pieces == null || pieces[i] == null) {
                at = Scalars.put(out, at, items[i]);
                continue;
            }
            System.arraycopy(pieces[i], 0, out, at, pieces[i].length);
            at += pieces[i].length;
        }
        return out;
    }

    /** The list {@link #write} wrote from {@code from} (after the tag): a new, mutable {@link ArrayList}. */
    static ArrayList<Object> read(byte[] bytes, int from) {
        ArrayList<Object> items = new ArrayList<>(Scalars.getInt(bytes, from));
        readItems(bytes, from, items);
        return items;
    }

    /** Adds to {@code items} those of the list written from {@code from}; returns where the list ends. */
    private static int readItems(byte[] bytes, int from, ArrayList<Object> items) {
        int count = Scalars.getInt(bytes, from);
        int at = from + 4;
        for (int i = 0; i < count; i++) {
            if (bytes[at] == Scalars.STRING) {
                int length = Scalars.getInt(bytes, at + 1);
                items.add(new String(bytes, at + 5, length, StandardCharsets.UTF_8));
                at += 5 + length;
            } else if (bytes[at] == LIST) {
                ArrayList<Object> nested = new ArrayList<>(Scalars.getInt(bytes, at + 1));
                at = readItems(bytes, at + 1, nested);
                items.add(nested);
            } else {
                Object item = Scalars.get(bytes, at);
                items.add(item);
                at += Scalars.size(item);
            }
        }
        return at;
    }
}
