package io.streamz.local.internal.core;

import io.streamz.Stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Stream#drainAsync()}: asks every node reachable downstream whether it is {@link Node#idle()},
 * upstream nodes first, and repeats after the busy ones became idle until one pass finds them all
 * idle. Upstream first matters: a node counts an element as held until the next node has accepted
 * it, so an element moving on during a pass is seen by the node it moves to, checked later.
 */
final class Drain {
    private Drain() {
    }

    static CompletableFuture<Void> drainAsync(Node<?> from) {
        Acceptances busy = new Acceptances();
        for (Node<?> node : upstreamFirst(from)) {
            busy.add(node.idle());
        }
        CompletableFuture<?> idle = busy.all();
        if (idle == null) {
            return Futures.DONE;
        }
        return idle.thenCompose(ignored -> drainAsync(from));
    }

    /** The nodes reachable from {@code from} by downstream edges, each after all its upstreams among them. */
    static List<Node<?>> upstreamFirst(Node<?> from) {
        Set<Node<?>> reachable = reachableDownstream(from);
        Map<Node<?>, Integer> pendingUpstreams = new HashMap<>();
        for (Node<?> node : reachable) {
            for (Stream<?> downstream : node.downstreams()) {
                pendingUpstreams.merge(Node.asNode(downstream), 1, Integer::sum);
            }
        }
        List<Node<?>> order = new ArrayList<>(reachable.size());
        ArrayDeque<Node<?>> ready = new ArrayDeque<>();
        for (Node<?> node : reachable) {
            if (!pendingUpstreams.containsKey(node)) {
                ready.add(node);
            }
        }
        while (!ready.isEmpty()) {
            Node<?> node = ready.poll();
            order.add(node);
            for (Stream<?> downstream : node.downstreams()) {
                Node<?> next = Node.asNode(downstream);
                if (pendingUpstreams.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() < reachable.size()) {
            // A cycle (made with connect): its nodes follow in discovery order, checked all the same.
            Set<Node<?>> rest = new LinkedHashSet<>(reachable);
            order.forEach(rest::remove);
            order.addAll(rest);
        }
        return order;
    }

    private static Set<Node<?>> reachableDownstream(Node<?> from) {
        Set<Node<?>> seen = new LinkedHashSet<>();
        ArrayDeque<Node<?>> todo = new ArrayDeque<>();
        todo.add(from);
        seen.add(from);
        while (!todo.isEmpty()) {
            for (Stream<?> downstream : todo.poll().downstreams()) {
                Node<?> next = Node.asNode(downstream);
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }
}
