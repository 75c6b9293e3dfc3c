package io.streamz.kafka;

import java.time.Duration;

/**
 * What the error handler gets when a Kafka source ({@code fromKafka}, {@code fromKafkaBatched}, also
 * on a cluster: from the driver or from its servers' reads) has not heard from any broker for its
 * {@link KafkaSourceOptions#unreachableAfter()}: the brokers named by {@code bootstrap.servers} are
 * down, unreachable (from the servers, for their reads), or not Kafka.
 */
public final class BrokerUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BrokerUnreachableException(String operation, String servers, Duration after, boolean stopping, Throwable cause) {
        super(operation + " has not reached a Kafka broker at " + servers + " for " + after
                + ": check bootstrap.servers and that the brokers run; "
                + (stopping ? "the source stopped (start() tries again)" : "still trying"), cause);
    }
}
