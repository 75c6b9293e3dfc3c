/**
 * Streaming collections (streamz's {@code streamz.collection} and {@code streamz.batch}): typed views
 * over a {@link io.streamz.Stream} whose elements are batches of data. {@link io.streamz.collections.Streaming}
 * is the common base, {@link io.streamz.collections.Batch} a stream of {@code List}s; the streaming
 * DataFrame is in {@code io.streamz.dataframe}. Every operation is a {@code map} or an
 * {@code accumulate} on the underlying stream, built from serializable functions, and is recorded in
 * a {@link io.streamz.collections.Pipeline} so that it can be built again on a cluster stream.
 */
package io.streamz.collections;
