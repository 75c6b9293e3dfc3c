package io.streamz.kafka;

import io.streamz.cluster.Cluster;
import io.streamz.cluster.ClusterStream;
import io.streamz.cluster.internal.stream.ServerReads;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * streamz's {@code from_kafka_batched(..., dask=True)}: the records of every partition of one topic,
 * read by the cluster's servers, entering the pipeline as a {@link ClusterStream} of batches (one
 * {@code List} of values per partition per read, at most {@code maxBatchSize}, in offset order per
 * partition) that stay on the cluster: the records never cross the driver unless a {@code gather}
 * brings them back. Made by {@link KafkaSource#fromKafkaBatched(String, Map, KafkaBatchOptions,
 * Cluster)}; build the pipeline on {@link #stream()}, then {@link #start()}:
 *
 * <pre>{@code
 * KafkaClusterSource<String> source = KafkaSource.fromKafkaBatched(topic, params, options, cluster);
 * source.stream().map(batch -> batch.size()).gather().sink(System.out::println);
 * source.start();
 * }</pre>
 *
 * <p><b>Where it reads.</b> Partition {@code p} is read by one server at a time, the partitions spread
 * over the servers; when a server leaves, its partitions move to the others, which go on from the
 * driver's next offset (nothing is lost: a batch stored on the cluster has a backup copy). Each server
 * keeps a consumer per partition it reads; the driver keeps one more, only to learn where the
 * partitions end and to commit.
 *
 * <p><b>One task per batch.</b> When the stream's only consumer is a chain of element-wise cluster
 * steps ({@code map}, {@code filter}, {@code starmap}, a cluster {@code toKafka}...), each read applies
 * them on the server where it read, in the same task, and stores only their outcome: a batch read is
 * not stored for them (see the cluster module's {@code ServerReads}). A read run again after its
 * server left applies them again, so a {@code toKafkaEach} among them writes at least once, as it
 * would in a task of its own.
 *
 * <p><b>Back pressure.</b> The driver decides what is read: it asks the partition's server for the
 * next batch, and emits the batch's handle into the pipeline once the one before was accepted, so at
 * most one batch per partition is read ahead of what the pipeline accepted; a {@code buffer(n)}
 * downstream lets up to {@code n} batches wait on the cluster.
 *
 * <p><b>At least once.</b> As {@link KafkaBatchedSource}: a batch's offsets are committed (for the
 * {@code group.id} of the parameters) once everything derived from it is done downstream, through
 * cluster steps and {@code gather}, per partition in offset order, on the source's thread at its next
 * poll. A partition without a committed offset starts where {@code auto.offset.reset} says ({@code
 * latest} unless told otherwise, as streamz). A read that fails otherwise (the cluster fails) goes to
 * the error handler and is tried again at the next poll.
 *
 * <p><b>Faults</b> as {@link KafkaBatchedSource} meets them, set by the same {@link KafkaSourceOptions}
 * (in {@link KafkaBatchOptions#source()}): tombstones are left out of the batches on the servers
 * unless kept (a read of only tombstones emits nothing, and counts as done); a poison record a server
 * meets is reported as a {@link PoisonRecordException} with its partition and offset, and the records
 * before it form a batch of their own; then the record is skipped (the records after it come in the
 * next batch, and commits pass it once the batches before it are done) or the source stops before it
 * (commits never pass it; {@link #start()} meets it again). A broker that neither the driver (which
 * asks for the partitions, their ends and the committed offsets) nor the servers (which read) reach
 * within {@code unreachableAfter} is reported as a {@link BrokerUnreachableException}, once per outage,
 * then the source keeps trying or stops, as the options say.
 *
 * @param <V> record value type (as the value deserializer makes it; it must be serializable)
 */
public final class KafkaClusterSource<V> {
    private final ClusterBatchReader<V> reader;
    private final ClusterStream<List<V>> stream;

    private KafkaClusterSource(ClusterBatchReader<V> reader, ClusterStream<List<V>> stream) {
        this.reader = reader;
        this.stream = stream;
    }

    /** What {@link KafkaSource#fromKafkaBatched(String, Map, KafkaBatchOptions, Cluster)} makes. */
    static <V> KafkaClusterSource<V> create(String topic, Map<String, ?> consumerParams, KafkaBatchOptions options, Cluster cluster) {
        String operation = "fromKafkaBatched on a cluster";
        KafkaBatchedSource.checkArguments(topic, options, operation);
        // The cluster module decides which clusters can read on their servers, and says what to pass if not.
        ServerReads reads = ServerReads.on(cluster, "fromKafkaBatched " + topic);
        Map<String, Object> params = ConsumerParams.checked(consumerParams, operation);
        params.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        TreeMap<String, Object> serverParams = new TreeMap<>(params);
        // The servers' consumers read the ranges the driver names and commit nothing: no group.
        serverParams.remove(ConsumerConfig.GROUP_ID_CONFIG);
        serverParams.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, options.maxBatchSize());
        ClusterBatchReader<V> reader = new ClusterBatchReader<>(topic, ConsumerParams.newConsumer(params, operation),
                ConsumerParams.servers(params), serverParams, ClusterBatchReader.resetTo(params), options, reads);
        return new KafkaClusterSource<>(reader, reads.stream(reader));
    }

    /** The batches, as a cluster stream to build the pipeline on; the same stream at each call. */
    public ClusterStream<List<V>> stream() {
        return stream;
    }

    /** Starts reading, on a worker thread of the local engine; returns this. */
    public KafkaClusterSource<V> start() {
        reader.start();
        return this;
    }

    /** Stops reading after the batches being read are emitted; {@link #start()} goes on from there. */
    public void stop() {
        reader.stop();
    }

    public boolean isRunning() {
        return reader.isRunning();
    }

    /**
     * Stops for good: once no poll runs, commits the batches done and closes the driver's consumer.
     * What is not done by then is read again by the group's next reader (at least once).
     */
    public void destroy() {
        reader.destroy();
    }

    @Override
    public String toString() {
        return reader.toString();
    }
}
