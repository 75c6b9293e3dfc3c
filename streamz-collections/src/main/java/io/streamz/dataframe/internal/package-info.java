/**
 * The functions the streaming collections hand to {@code Stream.map} and
 * {@code Stream.accumulateWithState}: per-element table functions, the built-in
 * {@link io.streamz.dataframe.Aggregation}s, the windowing schemes that feed them and the rolling
 * computation. Internal: not part of the API, kept public only so that {@code io.streamz.dataframe}
 * and {@code io.streamz.collections} can share it.
 *
 * <p>Every function here is a serializable value that captures only names, numbers and other
 * serializable values, never a {@code Table} or a stream, so that it can travel to a cluster node
 * as a {@link io.streamz.function.FunctionEx} or {@link io.streamz.function.BiFunctionEx}. States
 * are never changed in place: each step returns a new state, so that a step that throws leaves the
 * previous state valid.
 */
package io.streamz.dataframe.internal;
