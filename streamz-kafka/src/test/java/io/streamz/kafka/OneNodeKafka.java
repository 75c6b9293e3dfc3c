package io.streamz.kafka;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Starts a real Kafka broker in this JVM: one KRaft node, broker and controller in one, set up for a
 * single broker. Shared through this module's test-jar by the tests' {@link KafkaBroker} and the
 * Kafka benchmark (streamz-benchmarks), so that both run the broker the same way; no JUnit here.
 */
public final class OneNodeKafka {
    private OneNodeKafka() {
    }

    /**
     * Starts the node and waits until its broker is ready, on the calling thread; the caller closes it.
     *
     * @throws IllegalStateException when it does not start, with Kafka's reason as the cause
     */
    public static KafkaClusterTestKit start() {
        try {
            KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    // One broker: the consumer offsets topic cannot have Kafka's default 3 replicas.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka broker in this JVM did not start: " + e.getMessage(), e);
        }
    }
}
