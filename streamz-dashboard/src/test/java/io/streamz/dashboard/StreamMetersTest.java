package io.streamz.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamz.Stream;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StreamMetersTest {

    @Test
    void bindsEveryNodesCountersToAUsersRegistryTaggedWithItsNameAndOperator() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (StreamMeters meters = StreamMeters.bindTo(registry)) {
            Stream<Integer> source = Stream.create();
            source.filter(x -> x > 2).named("big").sink(x -> { });
            for (int i = 0; i < 5; i++) {
                source.emit(i);
            }
            meters.refresh();
            assertEquals(5.0, registry.get("streamz.elements.received").tags("stream", "big", "operator", "filter")
                    .functionCounter().count());
            assertEquals(2.0, registry.get("streamz.elements.emitted").tag("stream", "big").functionCounter().count());
            assertEquals(5, registry.get("streamz.node.time").tag("stream", "big").functionTimer().count());
        }
        assertNull(registry.find("streamz.elements.received").tag("stream", "big").functionCounter(),
                "closing removes the meters");
    }

    @Test
    void renamingANodeMovesItsMetersToTheNewName() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (StreamMeters meters = StreamMeters.bindTo(registry)) {
            Stream<Integer> source = Stream.create();
            Stream<Integer> mapped = source.map(x -> x);
            mapped.sink(x -> { });
            source.emit(1);
            meters.refresh();
            mapped.named("renamed");
            meters.refresh();
            assertEquals(1.0, registry.get("streamz.elements.received").tag("stream", "renamed").functionCounter().count());
        }
    }

    @Test
    void heldGaugeShowsWhatABufferHolds() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (StreamMeters meters = StreamMeters.bindTo(registry)) {
            Stream<Integer> source = Stream.create();
            CompletableFuture<Void> gate = new CompletableFuture<>();
            Stream<Integer> buffered = source.buffer(10).named("queue");
            buffered.sinkAsync(x -> gate);
            source.emit(1);
            source.emit(2);
            meters.refresh();
            assertEquals(2.0, registry.get("streamz.elements.held").tag("stream", "queue").gauge().value());
            gate.complete(null);
            buffered.drainAsync().get(10, TimeUnit.SECONDS);
            assertEquals(0.0, registry.get("streamz.elements.held").tag("stream", "queue").gauge().value());
        }
    }
}
