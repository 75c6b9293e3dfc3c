package io.streamz.collections;

import io.streamz.Accumulated;
import io.streamz.Stream;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;

import java.util.Objects;

/**
 * A stream whose elements are batches of data, with an example element that describes them
 * (streamz's {@code Streaming}, the superclass of {@link Batch} and the streaming DataFrame). The
 * collection is only a view: {@link #stream()} is the plain {@link Stream} underneath, and every
 * operation adds a {@code map} or an {@code accumulate} to it (recorded in {@link #pipeline()}).
 *
 * <p><b>Threads and back pressure</b> are those of the underlying stream: the functions run on the
 * thread that emits, one element at a time per operation, and {@link #emit} returns once the graph
 * has accepted the element.
 *
 * <p><b>Examples.</b> Like streamz, an operation computes the example of its result by applying its
 * function to this collection's example when it is built, so a function that cannot handle the
 * example fails at once. The example is metadata only: it never flows through the stream.
 *
 * <p>Functions are serializable ({@link FunctionEx}, {@link BiFunctionEx}) so that the pipeline can
 * be built again on a cluster; a lambda written at the call site is one.
 *
 * @param <E> element type
 */
public class Streaming<E> {
    private final Pipeline<E> pipeline;
    private final E example;

    /** A collection at the end of {@code pipeline}, whose elements look like {@code example}. */
    protected Streaming(Pipeline<E> pipeline, E example) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline must not be null");
        this.example = example;
    }

    /** The elements of {@code stream} as a collection; {@code example} describes them. */
    public static <E> Streaming<E> of(Stream<E> stream, E example) {
        return new Streaming<>(Pipeline.from(stream), example);
    }

    /** The elements at the end of {@code pipeline} as a collection; {@code example} describes them. */
    public static <E> Streaming<E> of(Pipeline<E> pipeline, E example) {
        return new Streaming<>(pipeline, example);
    }

    /** The plain stream underneath (streamz's {@code .stream}). */
    public final Stream<E> stream() {
        return pipeline.stream();
    }

    /** The example element. */
    public final E example() {
        return example;
    }

    /** The map and accumulate steps from the root stream to this collection. */
    public final Pipeline<E> pipeline() {
        return pipeline;
    }

    /** {@link #verify Verifies} {@code x} and emits it into the underlying stream; blocks as {@code Stream.emit}. */
    public void emit(E x) {
        verify(x);
        stream().emit(x);
    }

    /**
     * Checks that {@code x} can be an element of this collection (not {@code null}; subclasses check
     * more, e.g. a DataFrame's columns).
     *
     * @throws IllegalArgumentException or {@link NullPointerException} saying what is wrong
     */
    public void verify(E x) {
        Objects.requireNonNull(x, "elements of a streaming collection must not be null");
    }

    /** Applies {@code f} to every element; the result's example is {@code f} of this example. */
    public <R> Streaming<R> mapPartitions(FunctionEx<? super E, ? extends R> f) {
        Objects.requireNonNull(f, "mapPartitions function must not be null");
        return mapPartitions(f, f.apply(example));
    }

    /** Applies {@code f} to every element; {@code example} describes the results. */
    public <R> Streaming<R> mapPartitions(FunctionEx<? super E, ? extends R> f, R example) {
        return new Streaming<>(pipeline.map(f), example);
    }

    /**
     * Running reduction over the elements from {@code start}: each element gives
     * {@code state = f(state, x)}, which is emitted. The result's example is {@code f(start, example)}.
     */
    public <S> Streaming<S> accumulatePartitions(BiFunctionEx<S, ? super E, S> f, S start) {
        Objects.requireNonNull(f, "accumulatePartitions function must not be null");
        return new Streaming<>(pipeline.accumulate(f, start), f.apply(start, example));
    }

    /**
     * Running reduction that keeps a state apart from what it emits (streamz's
     * {@code returns_state=True}): {@code f} returns {@code Accumulated.of(newState, value)}. The
     * result's example is the value of {@code f(start, example)}.
     */
    public <S, R> Streaming<R> accumulatePartitionsWithState(BiFunctionEx<S, ? super E, Accumulated<S, R>> f,
                                                             S start) {
        Objects.requireNonNull(f, "accumulatePartitionsWithState function must not be null");
        return new Streaming<>(pipeline.accumulateWithState(f, start), f.apply(start, example).value());
    }

    /** The class and the example, as streamz's {@code repr}: {@code Streaming - elements like: ...}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + " - elements like:\n" + example;
    }
}
