package io.streamz.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Tells a source whose polls return nothing whether a broker still answers. Kafka's consumer says
 * nothing when it cannot connect: its polls just come back empty, as they do on an idle topic, and
 * its assignment (or its cached metadata, which {@code partitionsFor} answers from) may outlive the
 * broker; and some members of a group have no partitions for good. So after {@code unreachableAfter}
 * minus a check's time without records, the watch asks for the topic list, which always goes to a
 * broker and fails with a timeout when none answers. The check may wait behind a fetch the broker
 * holds open ({@code fetch.max.wait.ms}, 0.5 s by default), so it gets the whole {@code
 * unreachableAfter} up to {@link #LONGEST_CHECK}: a shorter one would report a live broker. On an idle
 * topic this costs one metadata request per {@code unreachableAfter}, and nothing while records flow.
 * Used on the source's poll thread only.
 */
final class BrokerWatch {
    /** A check blocks the poll thread (and so stop() and destroy()): at most this long. */
    private static final Duration LONGEST_CHECK = Duration.ofSeconds(5);

    private final Duration unreachableAfter;
    private final Duration checkTimeout;
    private long nextCheck;
    private boolean reported;

    BrokerWatch(Duration unreachableAfter) {
        this.unreachableAfter = unreachableAfter;
        this.checkTimeout = unreachableAfter.compareTo(LONGEST_CHECK) < 0 ? unreachableAfter : LONGEST_CHECK;
        restart();
    }

    /** Starts a new wait of {@code unreachableAfter} from now (the source starts, or got records). */
    void restart() {
        nextCheck = System.nanoTime() + unreachableAfter.minus(checkTimeout).toNanos();
        reported = false;
    }

    /**
     * After a poll that returned nothing: checks the broker when it is time, and returns the failed
     * check's exception when it is the first of this outage, else {@code null}.
     */
    TimeoutException afterEmptyPoll(Consumer<?, ?> consumer) {
        if (System.nanoTime() - nextCheck < 0) {
            return null;
        }
        try {
            consumer.listTopics(checkTimeout);
            restart();
            return null;
        } catch (TimeoutException e) {
            boolean first = !reported;
            reported = true;
            nextCheck = System.nanoTime() + unreachableAfter.minus(checkTimeout).toNanos();
            return first ? e : null;
        }
    }
}
