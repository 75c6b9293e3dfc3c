package io.streamz.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Starts a real Kafka broker in this JVM: one KRaft node, broker and controller in one, set up for a
 * single broker. Shared through this module's test-jar by the tests' {@link KafkaBroker}, the Docker
 * ITs (docker module) and the Kafka benchmark (streamz-benchmarks), so that all run the broker the
 * same way; no JUnit here.
 */
public final class OneNodeKafka {
    /** The name Kafka's test kit gives the listener clients connect to. */
    private static final String CLIENT_LISTENER = "EXTERNAL";
    /** How long creating a topic may take at most. */
    private static final Duration TOPIC_WAIT = Duration.ofSeconds(60);

    private OneNodeKafka() {
    }

    /**
     * Starts the node and waits until its broker is ready, on the calling thread; the caller closes it.
     * Clients are told to reach the broker at {@code localhost}.
     *
     * @throws IllegalStateException when it does not start, with Kafka's reason as the cause
     */
    public static KafkaClusterTestKit start() {
        return start(Map.of());
    }

    /**
     * As {@link #start()}, for clients on other hosts (Docker containers) too: the broker tells every
     * client to reach it at {@code host}, an address of this machine that they and this JVM can all
     * connect to (for containers, the gateway of their Docker network). It listens on every address
     * of this machine already (Kafka's test kit binds its ports on the wildcard address), on the port
     * in {@link KafkaClusterTestKit#bootstrapServers()}; {@link #bootstrapServers(KafkaClusterTestKit,
     * String)} gives the address to hand the clients.
     *
     * @throws IllegalStateException when it does not start, with Kafka's reason as the cause
     */
    public static KafkaClusterTestKit start(String host) {
        // Port 0: Kafka advertises the port it bound, not knowable before.
        return start(Map.of("advertised.listeners", CLIENT_LISTENER + "://" + host + ":0"));
    }

    /** {@code host:port} of the broker that {@code kafka} runs, as clients elsewhere bootstrap from it. */
    public static String bootstrapServers(KafkaClusterTestKit kafka, String host) {
        String local = kafka.bootstrapServers();
        return host + local.substring(local.lastIndexOf(':'));
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions (one replica: one broker) on {@code
     * kafka}, waiting until the broker has it; on the calling thread.
     *
     * @throws Exception what the admin client reports, e.g. the topic exists already, or a timeout
     *                   after a minute
     */
    public static void createTopic(KafkaClusterTestKit kafka, String topic, int partitions) throws Exception {
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                    .get(TOPIC_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static KafkaClusterTestKit start(Map<String, String> settings) {
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    // One broker: the consumer offsets topic cannot have Kafka's default 3 replicas.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0");
            settings.forEach(builder::setConfigProp);
            KafkaClusterTestKit kafka = builder.build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka broker in this JVM did not start: " + e.getMessage(), e);
        }
    }
}
