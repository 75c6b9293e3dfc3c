package io.streamz.kafka;

import io.streamz.function.SupplierEx;
import io.streamz.kafka.KafkaSourceOptions.OnPoisonRecord;
import io.streamz.kafka.KafkaSourceOptions.OnUnreachable;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What a server runs for {@code fromKafkaBatched} on a cluster: reads the records of one partition
 * from offset {@code from} to {@code to} (excluded), which the driver chose, and supplies their values
 * as one batch, or {@code null} (nothing for the pipeline) when only tombstones were there; fails at
 * a poison record or when the broker does not answer in time (see {@link ServerConsumers}).
 * Repeatable: a re-run after a failover reads the same records, so the batch is the same.
 *
 * @param <V> record value type
 */
final class KafkaRangeRead<V> implements SupplierEx<List<V>> {
    private static final long serialVersionUID = 1L;
    private final String topic;
    private final int partition;
    private final TreeMap<String, Object> params;
    private final long from;
    private final long to;
    /** Written by hand: Ignite's marshaller cannot write a record. */
    private transient KafkaSourceOptions options;

    KafkaRangeRead(String topic, int partition, TreeMap<String, Object> params, long from, long to, KafkaSourceOptions options) {
        this.topic = topic;
        this.partition = partition;
        this.params = params;
        this.from = from;
        this.to = to;
        this.options = options;
    }

    @Override
    public List<V> getEx() {
        List<V> values = ServerConsumers.SHARED.read(params, new TopicPartition(topic, partition), from, to, options);
        return values.isEmpty() ? null : values;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(options.pollInterval());
        out.writeBoolean(options.keepTombstones());
        out.writeObject(options.onPoisonRecord());
        out.writeObject(options.unreachableAfter());
        out.writeObject(options.onUnreachable());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        options = new KafkaSourceOptions((Duration) in.readObject(), in.readBoolean(), (OnPoisonRecord) in.readObject(),
                (Duration) in.readObject(), (OnUnreachable) in.readObject());
    }

    @Override
    public String toString() {
        return "KafkaRangeRead[" + topic + "-" + partition + " offsets " + from + ".." + to + "]";
    }
}
