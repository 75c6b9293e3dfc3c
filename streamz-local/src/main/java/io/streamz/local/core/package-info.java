/**
 * Internal, unsupported: the machinery of the local engine (the {@link io.streamz.local.core.Node}
 * base of every operator, the back-pressure futures, workers, reference counting, metering). Not an
 * API: names and behaviour here change without notice.
 *
 * <p>Users build and run streams through {@code io.streamz.Stream}; the types here are public only
 * because the project's other modules ({@code streamz-cluster}, {@code streamz-kafka},
 * {@code streamz-dashboard}, {@code streamz-collections}) build on them. Each type says on which
 * thread it runs and what it guards.
 */
package io.streamz.local.core;
