package io.streamz;

/**
 * Receives the exceptions that no {@code emit} caller is waiting for: those thrown after a
 * {@code buffer}, {@code delay}, {@code timedWindow}, on a source's thread, and so on. They are
 * always logged as well. Set one with {@link Stream#setErrorHandler(ErrorHandler)}.
 */
@FunctionalInterface
public interface ErrorHandler {
    /**
     * @param where the stream node whose work failed
     * @param error what was thrown
     */
    void handle(Stream<?> where, Throwable error);
}
