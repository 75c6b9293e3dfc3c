package io.streamz.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.streamz.Stream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records as values, states and inside collections, through steps whose results wait in the cache:
 * Ignite's marshaller cannot write records on Java 17, so they go by Java serialization, chosen up
 * front, without Ignite failing (and logging an error) first.
 */
class ClusterRecordsTest {
    @RegisterExtension
    static final EmbeddedCluster CLUSTER = new EmbeddedCluster(2);

    record Hit(String path, int status) implements Serializable {
    }

    record Tally(int hits, int errors) implements Serializable {
        Tally add(Hit hit) {
            return new Tally(hits + 1, errors + (hit.status() >= 500 ? 1 : 0));
        }
    }

    @Test
    void recordsGoThroughStoredStepsAndStatesWithoutIgniteErrors() {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        List<Tally> tallies;
        List<Map<String, List<Hit>>> grouped;
        try {
            Stream<Integer> source = Stream.create();
            ClusterStream<Hit> hits = source.scatter(CLUSTER.get()).map((Integer i) -> new Hit("/p" + i % 3, i % 4 == 0 ? 500 : 200));
            tallies = hits.accumulate((Tally tally, Hit hit) -> tally.add(hit), new Tally(0, 0)).buffer(8).gather().sinkToList();
            grouped = hits.map((Hit hit) -> Map.of(hit.path(), List.of(hit))).buffer(8).gather().sinkToList();
            for (int i = 0; i < 40; i++) {
                source.emit(i);
            }
            source.drain();
        } finally {
            System.setErr(previous);
        }

        assertEquals(new Tally(40, 10), tallies.get(39));
        assertEquals(Map.of("/p1", List.of(new Hit("/p1", 200))), grouped.get(1));
        assertEquals(0, CLUSTER.get().storedResults());
        String log = logged.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("Failed to serialize") || log.contains("record class"), log);
    }
}
