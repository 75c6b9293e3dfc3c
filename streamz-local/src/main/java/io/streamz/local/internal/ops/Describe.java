package io.streamz.local.internal.ops;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How an offending element is shown in an error message: its kind and a bounded excerpt of its text. */
final class Describe {
    private static final int MAX_TEXT = 100;

    private Describe() {
    }

    static String element(Object x) {
        if (x == null) {
            return "null";
        }
        if (x.getClass().isArray()) {
            return x.getClass().getSimpleName() + " of length " + Array.getLength(x);
        }
        String text = String.valueOf(x);
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "...";
        }
        return kind(x) + " " + text;
    }

    /** The interface users know rather than the JDK's internal class name ({@code ListN}, {@code List12}). */
    private static String kind(Object x) {
        if (x instanceof List<?>) {
            return "List";
        }
        if (x instanceof Set<?>) {
            return "Set";
        }
        if (x instanceof Collection<?>) {
            return "Collection";
        }
        if (x instanceof Map<?, ?>) {
            return "Map";
        }
        return x.getClass().getSimpleName();
    }
}
