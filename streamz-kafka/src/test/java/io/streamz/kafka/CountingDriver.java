package io.streamz.kafka;

import io.streamz.cluster.IgniteCluster;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A driver for {@link KilledDriverExactlyOnceTest}, run in a JVM of its own ({@link #main}) or in the
 * test's ({@link #start}): reads {@code "line i"}
 * records with {@code fromKafkaBatched}, flattens the batches, and keeps on the cluster the count and
 * sum of the records' numbers plus one in an accumulate named {@code state}, whose results
 * ({@code "count,sum"}) the servers write to the output topic before they are gathered through a buffer.
 * Given a {@code stopAt} above 0, the gathered result of that count stops the driver's sink for good
 * (so its input record is applied and never committed) and the driver prints {@value #STOPPED}, to
 * be killed. In a JVM of its own, it exits when its standard input closes, so that it never outlives a test JVM that died.
 *
 * <p>Arguments: {@code bootstrapServers input output group state stopAt address...}.
 */
public final class CountingDriver {
    static final String STOPPED = "stopped";

    private CountingDriver() {
    }

    public static void main(String[] args) throws Exception {
        IgniteCluster cluster = IgniteCluster.connect(Arrays.copyOfRange(args, 6, args.length));
        int stopAt = Integer.parseInt(args[5]);
        start(cluster, args[0], args[1], args[2], args[3], args[4], result -> {
            if (count(result) == stopAt) {
                System.out.println(STOPPED);
                System.out.flush();
                awaitKill();
            }
        });
        while (System.in.read() >= 0) {
            // Runs until killed; the test never writes.
        }
        System.exit(0);
    }

    /**
     * Builds the pipeline on {@code cluster} and starts its source, which the caller destroys:
     * {@code input} records of {@code group} counted in the state named {@code state}, each result
     * written to {@code output}, then gathered into {@code sink}.
     */
    static KafkaBatchedSource<String> start(IgniteCluster cluster, String bootstrapServers, String input, String output,
                                            String group, String state, Consumer<String> sink) {
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaBatchedSource<String> source = KafkaSource.fromKafkaBatched(input, consumer,
                new KafkaBatchOptions(Duration.ofMillis(50), 10));
        source.<String>flatten()
                .map(line -> Integer.parseInt(line.substring("line ".length())) + 1)
                .scatter(cluster)
                .accumulate(CountingDriver::add, "0,0").durable(state)
                .toKafka(output, Map.of("bootstrap.servers", bootstrapServers))
                .buffer(8)
                .gather()
                .sink(sink);
        source.start();
        return source;
    }

    /** The count and sum {@code "count,sum"} after one more record of number {@code x}. */
    static String add(String countAndSum, Integer x) {
        int comma = countAndSum.indexOf(',');
        return (Long.parseLong(countAndSum.substring(0, comma)) + 1) + "," + (Long.parseLong(countAndSum.substring(comma + 1)) + x);
    }

    /** The count of a {@code "count,sum"}. */
    static long count(String countAndSum) {
        return Long.parseLong(countAndSum.substring(0, countAndSum.indexOf(',')));
    }

    private static void awaitKill() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
