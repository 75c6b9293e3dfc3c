package io.streamz.dashboard;

import io.micrometer.core.instrument.Tags;
import io.streamz.local.internal.core.Node;

/**
 * The labels of a node's meters: {@code stream}, its {@code named(...)} name (or, for a node never
 * named, its operator and serial number, e.g. {@code map-7}, so that unnamed nodes stay apart), and
 * {@code operator}.
 */
final class NodeTags {
    private NodeTags() {
    }

    static Tags of(Node<?> node) {
        return Tags.of("stream", streamName(node), "operator", node.operator());
    }

    /** The node's name, or its operator and serial number when it has none. */
    static String streamName(Node<?> node) {
        String name = node.name();
        return name != null ? name : node.operator() + "-" + node.serial();
    }
}
