package io.streamz.local.internal.graph;

import io.streamz.Stream;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code toDot()}: the whole graph connected to a node, upstream and downstream (as streamz's
 * {@code visualize} collects it), as Graphviz DOT. Each node is labelled with its {@code toString()}
 * and shaped as streamz shapes it; when a node has several downstreams its edges are numbered in
 * attach order, the order elements take.
 */
public final class DotGraph {
    private DotGraph() {
    }

    public static String toDot(Stream<?> start) {
        Map<Stream<?>, String> ids = connectedNodes(start);
        StringBuilder dot = new StringBuilder("digraph streamz {\n");
        for (Map.Entry<Stream<?>, String> node : ids.entrySet()) {
            dot.append("  ").append(node.getValue())
                    .append(" [label=").append(quote(node.getKey().toString()))
                    .append(", shape=").append(shape(node.getKey()))
                    .append(", style=\"rounded,filled\", fillcolor=white];\n");
        }
        for (Map.Entry<Stream<?>, String> node : ids.entrySet()) {
            List<Stream<?>> downstreams = node.getKey().downstreams();
            for (int i = 0; i < downstreams.size(); i++) {
                dot.append("  ").append(node.getValue()).append(" -> ").append(ids.get(downstreams.get(i)));
                if (downstreams.size() > 1) {
                    dot.append(" [label=\"").append(i).append("\"]");
                }
                dot.append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    /** Every node connected to {@code start}, in discovery order, with its DOT id. */
    private static Map<Stream<?>, String> connectedNodes(Stream<?> start) {
        Map<Stream<?>, String> ids = new LinkedHashMap<>();
        Map<Stream<?>, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Stream<?>> todo = new ArrayDeque<>();
        todo.add(start);
        seen.put(start, true);
        while (!todo.isEmpty()) {
            Stream<?> node = todo.poll();
            ids.put(node, "n" + ids.size());
            for (List<Stream<?>> neighbours : List.of(node.upstreams(), node.downstreams())) {
                for (Stream<?> next : neighbours) {
                    if (seen.put(next, true) == null) {
                        todo.add(next);
                    }
                }
            }
        }
        return ids;
    }

    /** streamz's {@code _graphviz_shape} of each kind of operator (a Graphviz shape name); any thread. */
    public static String shape(Stream<?> node) {
        String text = node.toString();
        int colon = text.indexOf(':');
        int end = colon >= 0 ? colon : text.length() - 1;
        String operator = text.startsWith("<") && end > 0 ? text.substring(1, end) : "";
        return switch (operator) {
            case "sink", "sink_to_list", "sink_to_textfile" -> "trapezium";
            case "accumulate" -> "box";
            case "partition", "sliding_window", "buffer" -> "diamond";
            case "timed_window", "delay", "rate_limit", "latest" -> "octagon";
            case "zip", "combine_latest" -> "triangle";
            case "from_iterable", "from_textfile", "filenames" -> "doubleoctagon";
            default -> "ellipse";
        };
    }

    /** A DOT string literal. */
    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
