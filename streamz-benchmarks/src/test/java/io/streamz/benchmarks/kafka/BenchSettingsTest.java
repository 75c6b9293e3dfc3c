package io.streamz.benchmarks.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {
    @Test
    void withoutArgumentsOnlyTheClusterWritePipelineIsMeasured() {
        BenchSettings settings = BenchSettings.parse();

        assertEquals(List.of(PipelineShape.CLUSTER_WRITE), settings.pipelines());
        assertEquals(200_000, settings.number("records"));
    }

    /** A buffer counts elements: 1024 records, but 8 batches of up to 10000. */
    @Test
    void eachPipelineKeepsItsOwnBufferUnlessOneIsGiven() {
        BenchSettings defaults = BenchSettings.parse("pipeline=all");
        BenchSettings given = BenchSettings.parse("buffer=3", "pipeline=per-record");

        assertEquals(1024, defaults.buffer(PipelineShape.PER_RECORD));
        assertEquals(8, defaults.buffer(PipelineShape.SCATTER_BATCHES));
        assertEquals(3, given.buffer(PipelineShape.PER_RECORD));
    }

    @Test
    void pipelinesAreChosenByLabelInTheOrderGivenOrAll() {
        assertEquals(List.of(PipelineShape.PER_RECORD, PipelineShape.CLUSTER_READ),
                BenchSettings.parse("pipeline=per-record,cluster-read").pipelines());
        assertEquals(List.of(PipelineShape.values()), BenchSettings.parse("pipeline=all").pipelines());
        for (PipelineShape shape : PipelineShape.values()) {
            assertEquals(List.of(shape), BenchSettings.parse("pipeline=" + shape.label()).pipelines());
        }
    }

    @Test
    void anUnknownPipelineOrSettingIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException pipeline = assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse("pipeline=fast"));
        IllegalArgumentException setting = assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse("record=5"));
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> BenchSettings.parse("rounds=0"));

        assertTrue(pipeline.getMessage().contains("cluster-read") && pipeline.getMessage().contains("per-record"), pipeline.getMessage());
        assertTrue(setting.getMessage().contains("records") && setting.getMessage().contains("pipeline"), setting.getMessage());
        assertTrue(number.getMessage().contains("rounds must be at least 1"), number.getMessage());
    }
}
