package io.streamz.local.internal.core;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The switch for per-node metrics. Off by default, and then the emit path is exactly what it is
 * without metrics (see {@code Node}'s route); {@link #on()} gives every live node (and every node
 * built while on) a {@link NodeMetrics} and routes its elements through the counting path.
 * Dashboards and meter bindings each hold a {@link Handle}; metrics go off again when the last one
 * is closed. Thread-safe.
 */
public final class Metering {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Object LOCK = new Object();

    private Metering() {
    }

    /** A claim on metrics being on; {@link #close()} releases it (idempotent). */
    public static final class Handle implements AutoCloseable {
        private boolean closed;

        private Handle() {
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                if (closed) {
                    return;
                }
                closed = true;
                if (USERS.decrementAndGet() == 0) {
                    for (Node<?> node : LiveNodes.all()) {
                        node.setMetrics(null);
                    }
                }
            }
        }
    }

    /** Switches metrics on for every node in this JVM until the returned handle is closed. */
    public static Handle on() {
        synchronized (LOCK) {
            if (USERS.getAndIncrement() == 0) {
                for (Node<?> node : LiveNodes.all()) {
                    node.setMetrics(new NodeMetrics());
                }
            }
            return new Handle();
        }
    }

    /** Whether some handle is open. */
    public static boolean isOn() {
        return USERS.get() > 0;
    }

    /** Every node built in this JVM that is still reachable, oldest first (built or not while on). */
    public static List<Node<?>> liveNodes() {
        return LiveNodes.all();
    }

    /** The counters of {@code node}, or {@code null} while metrics are off. */
    public static NodeMetrics of(Node<?> node) {
        return node.metrics();
    }

    /** What a node built now starts with: counters while on, else nothing. */
    static NodeMetrics forNewNode() {
        // Under the lock: a concurrent on() or close() must not be overtaken by a stale answer.
        synchronized (LOCK) {
            return USERS.get() > 0 ? new NodeMetrics() : null;
        }
    }
}
