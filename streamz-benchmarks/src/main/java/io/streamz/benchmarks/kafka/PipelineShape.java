package io.streamz.benchmarks.kafka;

import io.streamz.Stream;
import io.streamz.cluster.Cluster;
import io.streamz.kafka.KafkaBatchOptions;
import io.streamz.kafka.KafkaBatchedSource;
import io.streamz.kafka.KafkaClusterSource;
import io.streamz.kafka.KafkaSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ways the benchmark can write its streamz pipeline ({@code pipeline=} on the command line), each
 * at least once (a batch's offsets are committed once Kafka acknowledged every record made from it).
 * They differ in what crosses the cluster as one element, and where the records are read and written.
 * Each builds its pipeline on the main thread; the pipeline then runs on the source's and the
 * engine's threads.
 */
enum PipelineShape {
    /**
     * The servers read, transform and write each batch as one element, and only its size comes back:
     * {@code fromKafkaBatched(..., cluster).stream().map(batch -> upper-cased batch).toKafkaEach(output)
     * .map(List::size).buffer(n).gather()}. No record crosses the driver.
     */
    CLUSTER_WRITE("cluster-write", 8) {
        @Override
        Source build(Cluster cluster, Endpoints kafka, KafkaBatchOptions options, int buffer, Arrivals arrivals) {
            KafkaClusterSource<String> source = KafkaSource.fromKafkaBatched(kafka.input(), kafka.consumerParams(), options, cluster);
            source.stream()
                    .map((List<String> batch) -> transformAll(batch))
                    .toKafkaEach(kafka.output(), kafka.producerParams())
                    .map((List<String> batch) -> batch.size())
                    .buffer(buffer)
                    .gather()
                    .sink(written -> arrivals.add(written));
            return Source.of(source);
        }
    },
    /**
     * The servers read ({@code fromKafkaBatched(..., cluster)}, the records never cross the driver on
     * the way in), transform each batch as one element, and the driver gathers the batches and writes
     * their records: {@code stream().map(batch -> upper-cased batch).buffer(n).gather().flatten().toKafka}.
     */
    CLUSTER_READ("cluster-read", 8) {
        @Override
        Source build(Cluster cluster, Endpoints kafka, KafkaBatchOptions options, int buffer, Arrivals arrivals) {
            KafkaClusterSource<String> source = KafkaSource.fromKafkaBatched(kafka.input(), kafka.consumerParams(), options, cluster);
            written(source.stream()
                    .map((List<String> batch) -> transformAll(batch))
                    .buffer(buffer)
                    .gather(), kafka, arrivals);
            return Source.of(source);
        }
    },
    /**
     * The driver reads, each batch is scattered to the cluster as one element, transformed there,
     * gathered and its records written by the driver: {@code fromKafkaBatched -> scatter() ->
     * map(batch -> upper-cased batch) -> buffer(n) -> gather() -> flatten() -> toKafka}.
     */
    SCATTER_BATCHES("scatter-batches", 8) {
        @Override
        Source build(Cluster cluster, Endpoints kafka, KafkaBatchOptions options, int buffer, Arrivals arrivals) {
            KafkaBatchedSource<String> source = KafkaSource.fromKafkaBatched(kafka.input(), kafka.consumerParams(), options);
            written(source.scatter(cluster)
                    .map((List<String> batch) -> transformAll(batch))
                    .buffer(buffer)
                    .gather(), kafka, arrivals);
            return Source.of(source);
        }
    },
    /**
     * Each record its own cluster element, written from the servers (the benchmark's first shape):
     * {@code fromKafkaBatched -> flatten() -> scatter() -> map(upper-case) -> cluster toKafka ->
     * buffer(n) -> gather()}.
     */
    PER_RECORD("per-record", 1024) {
        @Override
        Source build(Cluster cluster, Endpoints kafka, KafkaBatchOptions options, int buffer, Arrivals arrivals) {
            KafkaBatchedSource<String> source = KafkaSource.fromKafkaBatched(kafka.input(), kafka.consumerParams(), options);
            Stream<String> records = source.flatten();
            records.scatter(cluster)
                    .map((String value) -> KafkaPipelineBenchmark.transform(value))
                    .toKafka(kafka.output(), kafka.producerParams())
                    .buffer(buffer)
                    .gather()
                    .sink(written -> arrivals.add(1));
            return Source.of(source);
        }
    };

    private final String label;
    private final int defaultBuffer;

    PipelineShape(String label, int defaultBuffer) {
        this.label = label;
        this.defaultBuffer = defaultBuffer;
    }

    /**
     * Builds this pipeline from {@code kafka.input()} to {@code kafka.output()}, counting each record
     * Kafka acknowledged in {@code arrivals}; returns its source, not started.
     */
    abstract Source build(Cluster cluster, Endpoints kafka, KafkaBatchOptions options, int buffer, Arrivals arrivals);

    /** The name on the command line. */
    String label() {
        return label;
    }

    /** The {@code buffer(n)} used unless {@code buffer=} says otherwise: counted in this shape's elements. */
    int defaultBuffer() {
        return defaultBuffer;
    }

    /**
     * The shape called {@code label} on the command line.
     *
     * @throws IllegalArgumentException for an unknown one, naming those there are
     */
    static PipelineShape of(String label) {
        for (PipelineShape shape : values()) {
            if (shape.label.equals(label)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown pipeline '" + label + "': use one of "
                + Arrays.stream(values()).map(PipelineShape::label).collect(Collectors.joining(", ")));
    }

    /** Every value of {@code batch} transformed, in order. */
    static List<String> transformAll(List<String> batch) {
        List<String> out = new ArrayList<>(batch.size());
        for (String value : batch) {
            out.add(KafkaPipelineBenchmark.transform(value));
        }
        return out;
    }

    /** The driver-side end of the batch shapes: every record of the gathered batches written, then counted. */
    private static void written(Stream<List<String>> batches, Endpoints kafka, Arrivals arrivals) {
        Stream<String> records = batches.flatten();
        records.toKafka(kafka.output(), kafka.producerParams()).sink(written -> arrivals.add(1));
    }

    @Override
    public String toString() {
        return label;
    }

    /** Where the pipeline reads (as consumer group {@code group}) and writes, and its client parameters. */
    record Endpoints(String servers, String input, String output, String group) {
        Map<String, Object> consumerParams() {
            return Map.of(
                    "bootstrap.servers", servers,
                    "group.id", group,
                    "auto.offset.reset", "earliest",
                    "value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        }

        Map<String, Object> producerParams() {
            return Map.of("bootstrap.servers", servers);
        }
    }

    /** A built pipeline's source: start, stop (between rounds) and destroy (at the end). */
    record Source(Runnable start, Runnable stop, Runnable destroy, String description) {
        static Source of(KafkaBatchedSource<String> source) {
            return new Source(source::start, source::stop, source::destroy, source.toString());
        }

        static Source of(KafkaClusterSource<String> source) {
            return new Source(source::start, source::stop, source::destroy, source.toString());
        }
    }
}
