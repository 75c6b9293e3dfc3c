package io.streamz.local.internal.core;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every node built in this JVM and not yet garbage collected, so that metrics can be switched on
 * for graphs built before a dashboard started. Weak: registering a node never keeps it alive.
 * Thread-safe; touched once per node built, never per element.
 */
final class LiveNodes {
    private static final AtomicLong SERIALS = new AtomicLong();
    private static final Map<Long, Entry> NODES = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Node<?>> COLLECTED = new ReferenceQueue<>();

    private LiveNodes() {
    }

    /** Registers {@code node}; returns its serial number (unique in this JVM). */
    static long add(Node<?> node) {
        forgetCollected();
        long serial = SERIALS.incrementAndGet();
        NODES.put(serial, new Entry(node, serial));
        return serial;
    }

    /** The live nodes, oldest first. */
    static List<Node<?>> all() {
        forgetCollected();
        List<Node<?>> nodes = new ArrayList<>(NODES.size());
        NODES.keySet().stream().sorted().forEach(serial -> {
            Entry entry = NODES.get(serial);
            Node<?> node = entry == null ? null : entry.get();
            if (node != null) {
                nodes.add(node);
            }
        });
        return nodes;
    }

    private static void forgetCollected() {
        for (Object gone = COLLECTED.poll(); gone != null; gone = COLLECTED.poll()) {
            NODES.remove(((Entry) gone).serial);
        }
    }

    private static final class Entry extends WeakReference<Node<?>> {
        final long serial;

        Entry(Node<?> node, long serial) {
            super(node, COLLECTED);
            this.serial = serial;
        }
    }
}
