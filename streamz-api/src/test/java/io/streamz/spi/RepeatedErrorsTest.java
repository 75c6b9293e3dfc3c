package io.streamz.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.streamz.time.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

class RepeatedErrorsTest {
    private static final Duration PERIOD = Duration.ofSeconds(10);

    private final RecordingLogger log = new RecordingLogger();
    private final VirtualScheduler clock = new VirtualScheduler();
    private final RepeatedErrors errors = new RepeatedErrors(log, "elements failed", PERIOD);

    @Test
    void aBurstOfOneKindIsLoggedOnceInFullThenSummarisedOncePerPeriod() {
        Object node = "<cluster map: f>";
        IllegalStateException first = new IllegalStateException("gone");
        errors.warn(node, clock, "Error in " + node, first);
        for (int i = 0; i < 1_233; i++) {
            errors.warn(node, clock, "Error in " + node, new IllegalStateException("gone " + i));
        }
        assertEquals(1, log.lines.size());
        assertSame(first, log.lines.get(0).error);

        clock.advance(PERIOD);
        assertEquals(List.of("Error in <cluster map: f>",
                        "<cluster map: f>: 1,233 more elements failed with IllegalStateException in the last 10 s (the first was logged in full)"),
                log.messages());
        assertEquals(null, log.lines.get(1).error);

        errors.warn(node, clock, "Error in " + node, new IllegalStateException("still gone"));
        clock.advance(PERIOD);
        assertEquals("<cluster map: f>: 1 more elements failed with IllegalStateException in the last 10 s (the first was logged in full)",
                log.messages().get(2));
    }

    @Test
    void aKindQuietForAWholePeriodIsLoggedInFullAgain() {
        errors.warn("node", clock, "first outage", new IllegalStateException());
        clock.advance(PERIOD);
        clock.advance(PERIOD);
        errors.warn("node", clock, "second outage", new IllegalStateException());

        assertEquals(List.of("first outage", "second outage"), log.messages());
    }

    @Test
    void otherSourcesAndOtherExceptionClassesAreEachLoggedInFull() {
        errors.warn("a", clock, "a fails", new IllegalStateException());
        errors.warn("b", clock, "b fails", new IllegalStateException());
        errors.warn("a", clock, "a fails otherwise", new IllegalArgumentException());
        errors.warn("a", clock, "a fails again", new IllegalStateException());

        assertEquals(List.of("a fails", "b fails", "a fails otherwise"), log.messages());
    }

    @Test
    void sourcesAreToldApartByIdentityNotEquality() {
        errors.warn(new String("same"), clock, "one node", new IllegalStateException());
        errors.warn(new String("same"), clock, "another node", new IllegalStateException());

        assertEquals(List.of("one node", "another node"), log.messages());
    }

    /** One logged line: its message and the exception logged with it. */
    private record Line(String message, Throwable error) {
    }

    private static final class RecordingLogger extends LegacyAbstractLogger {
        final List<Line> lines = new CopyOnWriteArrayList<>();

        List<String> messages() {
            return lines.stream().map(Line::message).toList();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments, Throwable error) {
            assertEquals(Level.WARN, level);
            lines.add(new Line(message, error));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
