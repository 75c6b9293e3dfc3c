package io.streamz.spi;

import io.streamz.function.FunctionEx;

/**
 * A cluster {@code map} function whose work on an element can be started before its result is
 * awaited, such as a write whose acknowledgement comes back later (streamz-kafka's cluster {@code
 * toKafka}). An element-wise cluster step given one starts every element of a task's batch first, in
 * order, then awaits each result in order: a batch costs about one wait, not one per element. Each
 * element keeps its own result or failure: a {@link #start} that throws fails that element only,
 * and so does an {@link #await} that throws. Applied alone ({@link #applyEx}), it starts and awaits
 * at once. For modules that ship such steps, not for application code.
 *
 * @param <T> element type
 * @param <S> what {@link #start} hands to {@link #await} for one element
 * @param <R> result type
 */
public interface PipelinedFunction<T, S, R> extends FunctionEx<T, R> {
    /**
     * Starts the work on {@code x}, on the job's thread, which it should block only briefly (the
     * per-element task timeout does not watch it).
     *
     * @throws Exception to fail element {@code x}
     */
    S start(T x) throws Exception;

    /**
     * The result of {@code x}, started as {@code started}; on the job's thread, which may block until
     * it is there (the per-element task timeout interrupts it).
     *
     * @throws Exception to fail element {@code x}
     */
    R await(T x, S started) throws Exception;

    @Override
    default R applyEx(T x) throws Exception {
        return await(x, start(x));
    }
}
