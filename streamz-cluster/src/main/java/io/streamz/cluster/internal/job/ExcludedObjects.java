package io.streamz.cluster.internal.job;

import java.io.Externalizable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ignite.binary.Binarylizable;
import org.apache.ignite.marshaller.MarshallerExclusions;

/**
 * Finds, in a value about to be marshalled, an object that Ignite's marshallers would write as
 * {@code null} without a word: one of Ignite's {@link MarshallerExclusions} (a {@code Thread}, a
 * {@code ClassLoader}, an executor, a socket, Ignite's own objects...).
 *
 * <p>What a class can hold is worked out once per class: one whose fields all have primitive or
 * closed JDK value types ({@code Integer}, {@code String}, primitive arrays, enums...) is never looked
 * into, so an ordinary value costs one lookup. Instances are walked only through fields whose declared
 * type is open (an interface, a non-final class, an array of them) or a final class of the user's,
 * and through JDK collections, maps and arrays. Transient and static fields are skipped, as the
 * marshallers skip them; classes that write themselves ({@code writeObject}, {@code writeReplace},
 * {@link Externalizable}, {@link Binarylizable}) are trusted to leave such objects out. Thread-safe.
 */
final class ExcludedObjects {
    /** Deeper graphs are not looked into further: the walk must not overflow the stack. */
    private static final int MAX_DEPTH = 64;
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private ExcludedObjects() {
    }

    /** Where an excluded object sits: its class, and the path to it from the value ({@code ""} for the value itself). */
    public record Found(Class<?> type, String path) {
    }

    /**
     * The first excluded object in {@code value}, or {@code null} when there is none (or the walk
     * could not look, e.g. a collection modified meanwhile: then the marshaller decides).
     */
    public static Found find(Object value) {
        if (value == null || SHAPES.get(value.getClass()) == Shape.LEAF) {
            return null;
        }
        try {
            new Walk().visit(value, 0);
            return null;
        } catch (FoundAt found) {
            List<String> path = new ArrayList<>(found.path);
            Collections.reverse(path);
            return new Found(found.type, String.join("", path));
        } catch (RuntimeException cannotLook) {
            return null;
        }
    }

    /** One walk through a value's graph; each object is visited once. */
    private static final class Walk {
        private Set<Object> seen;

        void visit(Object value, int depth) {
            if (value == null) {
                return;
            }
            Shape shape = SHAPES.get(value.getClass());
            if (shape == Shape.LEAF) {
                return;
            }
            if (shape == Shape.EXCLUDED) {
                throw new FoundAt(value.getClass());
            }
            if (depth >= MAX_DEPTH || depth > 0 && !firstVisit(value)) {
                return;
            }
            if (shape == Shape.ARRAY) {
                Object[] array = (Object[]) value;
                for (int i = 0; i < array.length; i++) {
                    visitPart(array[i], depth, i);
                }
            } else if (shape == Shape.COLLECTION) {
                int i = 0;
                for (Object item : (Collection<?>) value) {
                    visitPart(item, depth, i++);
                }
            } else if (shape == Shape.MAP) {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    visitPart(entry.getKey(), depth, "{key " + abbreviated(entry.getKey()) + "}");
                    visitPart(entry.getValue(), depth, "{" + abbreviated(entry.getKey()) + "}");
                }
            } else {
                for (Field field : shape.fields) {
                    visitPart(read(field, value), depth, field);
                }
            }
        }

        /** Visits a part of a value; {@code where} (an index, a map key, a field) names it only if something is found. */
        private void visitPart(Object part, int depth, Object where) {
            try {
                visit(part, depth + 1);
            } catch (FoundAt found) {
                found.path.add(where instanceof Integer i ? "[" + i + "]"
                        : where instanceof Field f ? "." + f.getName() : (String) where);
                throw found;
            }
        }

        private boolean firstVisit(Object value) {
            if (seen == null) {
                seen = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            return seen.add(value);
        }

        private static Object read(Field field, Object owner) {
            try {
                return field.get(owner);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String abbreviated(Object key) {
            String text = String.valueOf(key);
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }

    /** What the walk of one class needs to know. */
    private static final class Shape {
        /** Holds nothing excluded, whatever the instance. */
        static final Shape LEAF = new Shape(null);
        static final Shape EXCLUDED = new Shape(null);
        static final Shape ARRAY = new Shape(null);
        static final Shape COLLECTION = new Shape(null);
        static final Shape MAP = new Shape(null);

        /** The fields to walk, for a class of fields. */
        final Field[] fields;

        private Shape(Field[] fields) {
            this.fields = fields;
        }

        static Shape of(Class<?> type) {
            if (MarshallerExclusions.isExcluded(type)) {
                return EXCLUDED;
            }
            if (type.isArray()) {
                return closed(type.getComponentType()) ? LEAF : ARRAY;
            }
            if (Collection.class.isAssignableFrom(type)) {
                return COLLECTION;
            }
            if (Map.class.isAssignableFrom(type)) {
                return MAP;
            }
            if (type.isEnum() || isJdk(type) || writesItself(type)) {
                return LEAF;
            }
            List<Field> open = new ArrayList<>();
            for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !closed(field.getType())
                            && accessible(field)) {
                        open.add(field);
                    }
                }
            }
            return open.isEmpty() ? LEAF : new Shape(open.toArray(Field[]::new));
        }

        /** Whether every value of a field of declared type {@code type} is a leaf. */
        private static boolean closed(Class<?> type) {
            if (type.isPrimitive() || type.isEnum()) {
                return true;
            }
            if (type.isArray()) {
                return closed(type.getComponentType());
            }
            return Modifier.isFinal(type.getModifiers()) && isJdk(type) && !Collection.class.isAssignableFrom(type)
                    && !Map.class.isAssignableFrom(type) && !MarshallerExclusions.isExcluded(type);
        }

        /** A class of the JDK: the marshallers write its instances without our help (collections and maps aside). */
        private static boolean isJdk(Class<?> type) {
            String name = type.getName();
            return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.");
        }

        private static boolean writesItself(Class<?> type) {
            if (Externalizable.class.isAssignableFrom(type) || Binarylizable.class.isAssignableFrom(type)) {
                return true;
            }
            for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
                for (var method : c.getDeclaredMethods()) {
                    String name = method.getName();
                    if (name.equals("writeReplace") && method.getParameterCount() == 0
                            || name.equals("writeObject") && method.getParameterCount() == 1) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean accessible(Field field) {
            try {
                field.setAccessible(true);
                return true;
            } catch (RuntimeException closedModule) {
                // Not ours to open: the marshallers cannot read it either.
                return false;
            }
        }
    }

    /** Thrown from the depth of the walk to its top, gathering the path on the way; carries no stack trace. */
    private static final class FoundAt extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Class<?> type;
        final transient List<String> path = new ArrayList<>();

        FoundAt(Class<?> type) {
            super(null, null, false, false);
            this.type = type;
        }
    }
}
