package io.streamz;

/**
 * A stream that produces elements by itself, on a thread of its own, once {@link #start()}ed:
 * {@link Stream#fromIterable}, {@link Stream#fromTextFile}, {@link Stream#filenames}.
 * Emission respects back pressure: the source waits while the graph has not accepted an element.
 * An exception thrown downstream of a source is logged and given to the {@link ErrorHandler};
 * the source goes on with the next element.
 *
 * @param <T> element type
 */
public interface Source<T> extends Stream<T> {
    /** Starts emitting; a second call does nothing. Returns this source. */
    Source<T> start();

    /** Stops emitting after the element in progress; the source may be started again. */
    void stop();

    /** Whether the source is started and has not stopped or run out of elements. */
    boolean isRunning();
}
