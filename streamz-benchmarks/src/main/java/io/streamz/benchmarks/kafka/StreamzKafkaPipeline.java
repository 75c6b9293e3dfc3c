package io.streamz.benchmarks.kafka;

import io.streamz.Stream;
import io.streamz.cluster.Cluster;
import io.streamz.kafka.KafkaBatchOptions;
import io.streamz.kafka.KafkaBatchedSource;
import io.streamz.kafka.KafkaSource;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The pipeline measured: {@code fromKafkaBatched(input)} -> {@code flatten()} -> {@code
 * scatter(cluster)} -> cluster {@code map(transform)} -> cluster {@code toKafka(output)} -> {@code
 * buffer(n)} -> {@code gather()} -> a sink that counts. The records go from Kafka to the driver, to
 * the servers, which write them, and only the acknowledged values come back to be counted; the source
 * commits a batch once all of its records are written (at least once). Started for each round, stopped
 * between rounds.
 */
final class StreamzKafkaPipeline implements AutoCloseable {
    private final KafkaBatchedSource<String> source;

    StreamzKafkaPipeline(Cluster cluster, String servers, String input, String output, int maxBatchSize,
            Duration pollInterval, int buffer, Arrivals arrivals) {
        this.source = KafkaSource.fromKafkaBatched(input, Map.of(
                "bootstrap.servers", servers,
                "group.id", "streamz-pipeline",
                "auto.offset.reset", "earliest",
                "value.deserializer", StringDeserializer.class), new KafkaBatchOptions(pollInterval, maxBatchSize));
        Stream<String> records = source.flatten();
        records.scatter(cluster)
                .map((String value) -> KafkaPipelineBenchmark.transform(value))
                .toKafka(output, Map.of("bootstrap.servers", servers))
                .buffer(buffer)
                .gather()
                .sink(written -> arrivals.add(1));
    }

    /** Reads until stopped, on the source's own thread. */
    void start() {
        source.start();
    }

    /** Stops reading after the record in progress. */
    void stop() {
        source.stop();
    }

    @Override
    public void close() {
        source.destroy();
    }

    @Override
    public String toString() {
        return "<streamz pipeline " + source + ">";
    }
}
