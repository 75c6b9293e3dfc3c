package io.streamz.benchmarks.kafka;

import io.streamz.cluster.Cluster;
import io.streamz.kafka.KafkaBatchOptions;
import java.time.Duration;

/**
 * The streamz pipeline measured, in one of the {@link PipelineShape}s: reads the input topic, upper-cases
 * each record, writes it to the output topic and counts it in {@link Arrivals} once Kafka acknowledged
 * it; the source commits a batch once all of its records are written (at least once). Started for each
 * round, stopped between rounds, from the main thread.
 */
final class StreamzKafkaPipeline implements AutoCloseable {
    private final PipelineShape shape;
    private final PipelineShape.Source source;

    StreamzKafkaPipeline(PipelineShape shape, Cluster cluster, PipelineShape.Endpoints kafka, int maxBatchSize,
            Duration pollInterval, int buffer, Arrivals arrivals) {
        this.shape = shape;
        this.source = shape.build(cluster, kafka, new KafkaBatchOptions(pollInterval, maxBatchSize), buffer, arrivals);
    }

    /** Reads until stopped, on the source's own thread. */
    void start() {
        source.start().run();
    }

    /** Stops reading after the batch in progress. */
    void stop() {
        source.stop().run();
    }

    @Override
    public void close() {
        source.destroy().run();
    }

    @Override
    public String toString() {
        return "<streamz pipeline " + shape + ": " + source.description() + ">";
    }
}
