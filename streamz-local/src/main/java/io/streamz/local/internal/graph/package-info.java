/**
 * Internal, unsupported: the graph of a stream as Graphviz DOT, behind {@code Stream.visualize};
 * streamz-dashboard draws it too. Not an API: names and behaviour here change without notice.
 */
package io.streamz.local.internal.graph;
