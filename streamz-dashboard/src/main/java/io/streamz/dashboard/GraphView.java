package io.streamz.dashboard;

import io.streamz.Stream;
import io.streamz.local.internal.core.Metering;
import io.streamz.local.internal.core.Node;
import io.streamz.local.internal.core.NodeMetrics;
import io.streamz.local.internal.graph.DotGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stream graphs of this JVM as the page draws them: each connected set of live nodes (what
 * {@code visualize} draws for any of its nodes), with each node's label, shape and counters, and
 * the edges in attach order. The newest graphs first, at most {@link #MAX_GRAPHS}.
 */
final class GraphView {
    static final int MAX_GRAPHS = 12;

    private GraphView() {
    }

    /**
     * The graphs now, as JSON-ready maps; any thread.
     *
     * @param shown nodes whose graphs alone to show, or empty for every graph in this JVM
     */
    static List<Map<String, Object>> snapshot(List<Node<?>> shown) {
        Map<Node<?>, Boolean> seen = new HashMap<>();
        List<List<Node<?>>> graphs = new ArrayList<>();
        List<Node<?>> live = shown.isEmpty() ? Metering.liveNodes() : shown;
        for (int i = live.size() - 1; i >= 0 && graphs.size() < MAX_GRAPHS; i--) {
            Node<?> start = live.get(i);
            if (start.isDestroyed() || seen.containsKey(start)) {
                continue;
            }
            graphs.add(connected(start, seen));
        }
        List<Map<String, Object>> views = new ArrayList<>();
        for (List<Node<?>> graph : graphs) {
            graph.sort(Comparator.comparingLong(Node::serial));
            views.add(view(graph));
        }
        return views;
    }

    private static List<Node<?>> connected(Node<?> start, Map<Node<?>, Boolean> seen) {
        List<Node<?>> nodes = new ArrayList<>();
        ArrayDeque<Node<?>> todo = new ArrayDeque<>();
        todo.add(start);
        seen.put(start, true);
        while (!todo.isEmpty()) {
            Node<?> node = todo.poll();
            nodes.add(node);
            for (List<Stream<?>> neighbours : List.of(node.upstreams(), node.downstreams())) {
                for (Stream<?> next : neighbours) {
                    if (next instanceof Node<?> nextNode && seen.put(nextNode, true) == null) {
                        todo.add(nextNode);
                    }
                }
            }
        }
        return nodes;
    }

    private static Map<String, Object> view(List<Node<?>> graph) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<List<Long>> edges = new ArrayList<>();
        for (Node<?> node : graph) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", node.serial());
            view.put("label", label(node));
            view.put("shape", shape(node));
            view.put("stream", NodeTags.streamName(node));
            view.put("operator", node.operator());
            NodeMetrics counters = Metering.of(node);
            view.put("received", counters == null ? 0 : counters.received());
            view.put("emitted", counters == null ? 0 : counters.emitted());
            view.put("errors", counters == null ? 0 : counters.errors());
            view.put("held", node.held());
            nodes.add(view);
            for (Stream<?> downstream : node.downstreams()) {
                if (downstream instanceof Node<?> target) {
                    edges.add(List.of(node.serial(), target.serial()));
                }
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", graph.get(0).serial());
        view.put("nodes", nodes);
        view.put("edges", edges);
        return view;
    }

    private static String label(Node<?> node) {
        try {
            return node.toString();
        } catch (RuntimeException halfBuilt) {
            return "<" + node.operator() + ">";
        }
    }

    private static String shape(Node<?> node) {
        try {
            return DotGraph.shape(node);
        } catch (RuntimeException halfBuilt) {
            return "ellipse";
        }
    }
}
