/**
 * Internal, unsupported: the machinery of the local engine (the {@link io.streamz.local.internal.core.Node}
 * base of every operator, the back-pressure futures, workers, reference counting, metering). Not an
 * API: names and behaviour here change without notice.
 *
 * <p>Users build and run streams through {@code io.streamz.Stream}; the types here are public only
 * because the project's other modules build on them. This is the one internal-but-shared place of
 * the engine; what the other modules use of it, and why:
 * <ul>
 *   <li>{@link io.streamz.local.internal.core.Node} (and {@code asNode}): the cluster's scatter, steps and
 *       gather and streamz-kafka's sinks are operators of the local graph, handles flowing as
 *       values; the dashboard walks the graph.</li>
 *   <li>{@link io.streamz.local.internal.core.Refs}, {@link io.streamz.local.internal.core.RefCounter}: when an element
 *       and everything derived from it is done, across cluster steps too, which is what lets the
 *       Kafka sources commit at least once.</li>
 *   <li>{@link io.streamz.local.internal.core.InputPosition}, {@link io.streamz.local.internal.core.InputPartition},
 *       {@link io.streamz.local.internal.core.BatchPositions}: which record an element comes from, carried by
 *       its {@code Refs}, so that a cluster accumulate applies each Kafka record once.</li>
 *   <li>{@link io.streamz.local.internal.core.Futures}, {@link io.streamz.local.internal.core.IdleFuture},
 *       {@link io.streamz.local.internal.core.InOrderLine}: the completed future, the unwrap of a failed one,
 *       the "completes when idle" future and in-order emission, written once for the engine and the
 *       cluster's ordered nodes.</li>
 *   <li>{@link io.streamz.local.internal.core.Metering}, {@link io.streamz.local.internal.core.NodeMetrics}: the
 *       dashboard's and the benchmarks' per-node counters.</li>
 * </ul>
 * The argument checks and function names every module shares are in streamz-api
 * ({@code io.streamz.spi.Checks}, {@code io.streamz.spi.FunctionNames}). Each type here says on
 * which thread it runs and what it guards.
 */
package io.streamz.local.internal.core;
