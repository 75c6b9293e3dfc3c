/**
 * Internal, unsupported: the local engine's operators, one {@code *Node} class each, and
 * {@link io.streamz.local.internal.ops.StreamOperators}, the operator methods of {@code io.streamz.Stream}
 * that build them. Not an API. Names, constructors and behaviour here change without notice.
 *
 * <p>Build streams with {@code io.streamz.Stream} and its operator methods: they check their
 * arguments (null functions, negative sizes, foreign streams) and give clear errors, which the
 * nodes' constructors skip, so the nodes are package-private. The exceptions: {@code StreamOperators}
 * is public because {@code core.Node} extends it, and {@link io.streamz.local.internal.ops.MapAsyncNode} is
 * public with a protected constructor because streamz-kafka's {@code toKafka} sink extends it.
 */
package io.streamz.local.internal.ops;
