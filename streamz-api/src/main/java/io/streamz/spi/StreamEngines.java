package io.streamz.spi;

import io.streamz.ErrorHandler;
import io.streamz.time.Scheduler;

import java.util.Objects;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the engine once and holds the process-wide error handler. */
public final class StreamEngines {
    private static final Logger LOG = LoggerFactory.getLogger("io.streamz");
    /** Every element of a stream failing the same way (the cluster is gone) must not log a trace each. */
    private static final RepeatedErrors REPORTED = new RepeatedErrors(LOG, "elements failed", RepeatedErrors.DEFAULT_PERIOD);
    private static final ErrorHandler LOG_ONLY = (where, error) -> { };
    private static volatile StreamEngine engine;
    private static volatile ErrorHandler errorHandler = LOG_ONLY;

    private StreamEngines() {
    }

    /** The engine found on the class path. */
    public static StreamEngine engine() {
        StreamEngine found = engine;
        if (found == null) {
            synchronized (StreamEngines.class) {
                found = engine;
                if (found == null) {
                    found = ServiceLoader.load(StreamEngine.class, StreamEngines.class.getClassLoader())
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException(
                                    "No streamz engine on the class path: add the dependency io.streamz:streamz-local"));
                    engine = found;
                }
            }
        }
        return found;
    }

    public static ErrorHandler setErrorHandler(ErrorHandler handler) {
        Objects.requireNonNull(handler, "handler must not be null: pass (where, error) -> {} to only log");
        ErrorHandler previous = errorHandler;
        errorHandler = handler;
        return previous;
    }

    public static ErrorHandler errorHandler() {
        return errorHandler;
    }

    /**
     * Reports an error that no caller waits for: logs it, then gives it to the handler (every one of
     * them). The log gets the first of a kind from a node in full and a summary of the next ones every
     * {@link RepeatedErrors#DEFAULT_PERIOD}, timed by the node's scheduler; see {@link RepeatedErrors}.
     * Runs on the caller's thread.
     */
    public static void report(io.streamz.Stream<?> where, Throwable error) {
        Scheduler clock = where == null ? Scheduler.system() : where.scheduler();
        REPORTED.warn(where, clock, "Error in " + where + " with no emit caller waiting", error);
        try {
            errorHandler.handle(where, error);
        } catch (RuntimeException handlerFailure) {
            LOG.error("The error handler itself failed", handlerFailure);
        }
    }
}
