package io.streamz.dashboard;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.streamz.local.internal.core.Metering;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.NodeMetrics;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Binds the per-node counters of every stream in this JVM to a Micrometer {@link MeterRegistry}
 * (Prometheus, JMX, whatever the user configured), switching metrics on while bound:
 * <ul>
 *   <li>{@code streamz.elements.received} and {@code streamz.elements.emitted}: counters;</li>
 *   <li>{@code streamz.errors}: a counter of the exceptions a node's update threw;</li>
 *   <li>{@code streamz.node.time}: a timer, the time in the node per element received, downstream
 *   work included;</li>
 *   <li>{@code streamz.elements.held}: a gauge, elements held (buffers and other queues, windows,
 *   partition groups, a cluster step's elements in flight).</li>
 * </ul>
 * Each is tagged {@code stream} (the {@code named(...)} name) and {@code operator}. The meters read
 * the counters the engine keeps anyway, so they add nothing per element; {@link #refresh()} adds the
 * nodes built (or renamed) since, which a daemon thread does every second and a scrape does first.
 * Close it to remove the meters and switch metrics off (unless something else keeps them on).
 */
public final class StreamMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final Metering.Handle metering;
    /** The meters of each node (by serial), and the tags they were registered under. */
    private final Map<Long, Bound> bound = new HashMap<>();
    private final ScheduledExecutorService refresher;

    private StreamMeters(MeterRegistry registry, boolean refreshInBackground) {
        this.registry = registry;
        this.metering = Metering.on();
        if (refreshInBackground) {
            refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "streamz-meters");
                thread.setDaemon(true);
                return thread;
            });
            refresher.scheduleWithFixedDelay(this::refresh, 0, 1, TimeUnit.SECONDS);
        } else {
            refresher = null;
        }
        refresh();
    }

    /**
     * Binds every stream's meters to {@code registry} (and those built later, within a second) until
     * the result is closed. Call from any thread.
     */
    public static StreamMeters bindTo(MeterRegistry registry) {
        return new StreamMeters(registry, true);
    }

    /** For a registry that is only read on demand (a scrape endpoint): the reader calls {@link #refresh()}. */
    static StreamMeters bindOnDemand(MeterRegistry registry) {
        return new StreamMeters(registry, false);
    }

    /** Registers the meters of nodes built or renamed since the last call; drops those of destroyed nodes. */
    public synchronized void refresh() {
        Map<Long, Node<?>> live = new HashMap<>();
        for (Node<?> node : Metering.liveNodes()) {
            NodeMetrics counters = Metering.of(node);
            if (counters == null || node.isDestroyed()) {
                continue;
            }
            live.put(node.serial(), node);
            Tags tags;
            try {
                tags = NodeTags.of(node);
            } catch (RuntimeException halfBuilt) {
                continue; // Being constructed on another thread: next time.
            }
            Bound existing = bound.get(node.serial());
            if (existing != null && existing.tags.equals(tags) && existing.counters == counters) {
                continue;
            }
            if (existing != null) {
                existing.remove(registry);
            }
            bound.put(node.serial(), register(node, counters, tags));
        }
        bound.entrySet().removeIf(entry -> {
            if (live.containsKey(entry.getKey())) {
                return false;
            }
            entry.getValue().remove(registry);
            return true;
        });
    }

    private Bound register(Node<?> node, NodeMetrics counters, Tags tags) {
        WeakReference<Node<?>> weakNode = new WeakReference<>(node);
        List<Meter> meters = new ArrayList<>();
        meters.add(counter("streamz.elements.received", "elements the node received", counters, tags, NodeMetrics::received));
        meters.add(counter("streamz.elements.emitted", "elements the node passed downstream", counters, tags, NodeMetrics::emitted));
        meters.add(counter("streamz.errors", "exceptions thrown by the node's update", counters, tags, NodeMetrics::errors));
        meters.add(FunctionTimer.builder("streamz.node.time", counters, NodeMetrics::received,
                        NodeMetrics::nanos, TimeUnit.NANOSECONDS)
                .description("time in the node per element, downstream work included")
                .tags(tags).register(registry));
        ToDoubleFunction<WeakReference<Node<?>>> held = ref -> {
            Node<?> alive = ref.get();
            return alive == null ? 0 : alive.held();
        };
        // Strong: Micrometer holds a gauge's object weakly, and nothing else holds this reference.
        meters.add(Gauge.builder("streamz.elements.held", weakNode, held).strongReference(true)
                .description("elements the node holds, not yet accepted downstream")
                .tags(tags).register(registry));
        return new Bound(tags, counters, meters);
    }

    private FunctionCounter counter(String name, String description, NodeMetrics counters, Tags tags,
                                    ToLongFunction<NodeMetrics> count) {
        return FunctionCounter.builder(name, counters, c -> count.applyAsLong(c))
                .description(description).tags(tags).register(registry);
    }

    /** Removes the meters and releases this binding's claim on metrics being on. */
    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        bound.values().forEach(meters -> meters.remove(registry));
        bound.clear();
        metering.close();
    }

    private record Bound(Tags tags, NodeMetrics counters, List<Meter> meters) {
        void remove(MeterRegistry registry) {
            meters.forEach(registry::remove);
        }
    }
}
