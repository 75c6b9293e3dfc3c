package io.streamz.cluster.internal.job;

import java.nio.charset.StandardCharsets;

/**
 * The compact form {@link Codec} gives the values streams carry most: a boxed {@code Integer},
 * {@code Long}, {@code Double} or {@code Boolean}, a {@code String}, and an {@code Object[]} of the
 * boxed ones (a task's returned values). Ignite's marshaller costs about a microsecond per call
 * whatever it writes (a writer, its thread-local node name, a class descriptor lookup): at
 * {@code scatter}, once per element, that was most of the emitting thread's time. These are written
 * by hand instead, a type byte and the value's bytes, big-endian. Stateless and thread-safe.
 */
final class Scalars {
    private static final byte NULL = 'N';
    private static final byte INT = 'I';
    private static final byte LONG = 'J';
    private static final byte DOUBLE = 'D';
    private static final byte BOOLEAN = 'Z';
    static final byte STRING = 'S';
    /** Java's {@code String.length()} bound: a longer string is larger than any element limit anyway. */
    private static final int MAX_STRING_CHARS = 1 << 20;

    private Scalars() {
    }

    /** Whether {@link #write} takes {@code value} as one scalar. */
    static boolean isScalar(Object value) {
        Class<?> type = value == null ? null : value.getClass();
        return type == Integer.class || type == Long.class || type == Double.class || type == Boolean.class
                || type == String.class && ((String) value).length() <= MAX_STRING_CHARS;
    }

    /** Whether {@code value} is an {@code Object[]} of boxed scalars and {@code null}s (no strings). */
    static boolean isArray(Object value) {
        if (value == null || value.getClass() != Object[].class) {
            return false;
        }
        for (Object item : (Object[]) value) {
            if (item != null && (item instanceof String || !isScalar(item))) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} (see {@link #isScalar}) after {@code tag}. */
    static byte[] write(byte tag, Object value) {
        if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[2 + utf8.length];
            out[0] = tag;
            out[1] = STRING;
            System.arraycopy(utf8, 0, out, 2, utf8.length);
            return out;
        }
        byte[] out = new byte[1 + size(value)];
        out[0] = tag;
        put(out, 1, value);
        return out;
    }

    /** {@code values} (see {@link #isArray}) after {@code tag}: their count, then each. */
    static byte[] writeArray(byte tag, Object[] values) {
        int size = 1 + 4;
        for (Object value : values) {
            size += size(value);
        }
        byte[] out = new byte[size];
        out[0] = tag;
        putInt(out, 1, values.length);
        int at = 5;
        for (Object value : values) {
            at = put(out, at, value);
        }
        return out;
    }

    /** The scalar {@link #write} wrote from {@code from} (after the tag) to {@code to}. */
    static Object read(byte[] bytes, int from, int to) {
        if (bytes[from] == STRING) {
            return new String(bytes, from + 1, to - from - 1, StandardCharsets.UTF_8);
        }
        return get(bytes, from);
    }

    /** The array {@link #writeArray} wrote from {@code from} (after the tag). */
    static Object[] readArray(byte[] bytes, int from) {
        Object[] values = new Object[getInt(bytes, from)];
        int at = from + 4;
        for (int i = 0; i < values.length; i++) {
            values[i] = get(bytes, at);
            at += size(values[i]);
        }
        return values;
    }

    /** The bytes {@link #put} writes for {@code value}: {@code null} or a boxed scalar, not a string. */
    static int size(Object value) {
        if (value == null) {
            return 1;
        }
        Class<?> type = value.getClass();
        return type == Integer.class ? 5 : type == Boolean.class ? 2 : 9;
    }

    /** Writes {@code value} (see {@link #size}) at {@code at}; returns where the next value goes. */
    static int put(byte[] out, int at, Object value) {
        if (value == null) {
            out[at] = NULL;
            return at + 1;
        }
        if (value instanceof Integer i) {
            out[at] = INT;
            putInt(out, at + 1, i);
            return at + 5;
        }
        if (value instanceof Boolean b) {
            out[at] = BOOLEAN;
            out[at + 1] = (byte) (b ? 1 : 0);
            return at + 2;
        }
        long bits = value instanceof Long l ? l : Double.doubleToRawLongBits((Double) value);
        out[at] = value instanceof Long ? LONG : DOUBLE;
        putInt(out, at + 1, (int) (bits >>> 32));
        putInt(out, at + 5, (int) bits);
        return at + 9;
    }

    /** The value {@link #put} wrote at {@code at}; fails naming the type byte when it is none of ours. */
    static Object get(byte[] bytes, int at) {
        switch (bytes[at]) {
            case NULL:
                return null;
            case INT:
                return getInt(bytes, at + 1);
            case BOOLEAN:
                return bytes[at + 1] != 0;
            case LONG:
                return getLong(bytes, at + 1);
            case DOUBLE:
                return Double.longBitsToDouble(getLong(bytes, at + 1));
            default:
                throw new IllegalStateException("not a scalar written by this streamz version: type byte " + bytes[at]
                        + "; the driver and the servers must run the same streamz version");
        }
    }

    static void putInt(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 24);
        out[at + 1] = (byte) (v >>> 16);
        out[at + 2] = (byte) (v >>> 8);
        out[at + 3] = (byte) v;
    }

    static int getInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
    }

    private static long getLong(byte[] bytes, int at) {
        return (long) getInt(bytes, at) << 32 | getInt(bytes, at + 4) & 0xffffffffL;
    }
}
