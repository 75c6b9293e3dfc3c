package io.streamz.local.internal.ops;

import io.streamz.Stream;
import io.streamz.local.internal.core.Node;

/**
 * The fixed inputs of an operator that joins several streams ({@code union}, {@code zip},
 * {@code combineLatest}, {@code zipLatest}): this stream first, then the others, in the order given.
 * Elements are told apart by the upstream they come from, so a stream may appear only once.
 */
final class JoinInputs {
    private final String operator;
    private final Node<?>[] nodes;

    private JoinInputs(String operator, Node<?>[] nodes) {
        this.operator = operator;
        this.nodes = nodes;
    }

    /** {@code self} followed by {@code others}, checked: local streams, none null, none twice. */
    static JoinInputs of(String operator, Node<?> self, Stream<?>[] others) {
        if (others == null) {
            throw new NullPointerException("the streams to " + operator + " with must not be null");
        }
        Node<?>[] nodes = new Node<?>[others.length + 1];
        nodes[0] = self;
        for (int i = 0; i < others.length; i++) {
            if (others[i] == null) {
                throw new NullPointerException("stream number " + (i + 1) + " to " + operator + " with is null: "
                        + "pass only streams");
            }
            nodes[i + 1] = Node.asNode(others[i]);
            for (int j = 0; j <= i; j++) {
                if (nodes[j] == nodes[i + 1]) {
                    throw new IllegalArgumentException(others[i] + " is given twice to " + operator
                            + ": each stream may be an input once (map it to a second stream to use it twice)");
                }
            }
        }
        return new JoinInputs(operator, nodes);
    }

    int size() {
        return nodes.length;
    }

    /** The node whose scheduler the joined node takes: this stream's. */
    Node<?> first() {
        return nodes[0];
    }

    /** Position of {@code node} among the inputs: a linear scan, as joins have a handful of inputs. */
    int indexOf(Node<?> node) {
        int index = find(node);
        if (index < 0) {
            throw new IllegalStateException(node + " is not an input of " + operator
                    + ": its inputs are fixed when it is built, put a union in front instead");
        }
        return index;
    }

    /** Which inputs are among {@code streams}; a stream that is not an input is a clear error. */
    boolean[] flags(Iterable<? extends Stream<?>> streams, String what) {
        boolean[] flags = new boolean[nodes.length];
        for (Stream<?> stream : streams) {
            int index = find(Node.asNode(stream));
            if (index < 0) {
                throw new IllegalArgumentException(stream + " in " + what + " is not an input of " + operator
                        + ": name this stream or some of the others");
            }
            flags[index] = true;
        }
        return flags;
    }

    private int find(Node<?> node) {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] == node) {
                return i;
            }
        }
        return -1;
    }

    /** Subscribes {@code joined} to every input, in order; called last in its constructor. */
    void connect(Node<?> joined) {
        for (Node<?> node : nodes) {
            node.connect(joined);
        }
    }
}
