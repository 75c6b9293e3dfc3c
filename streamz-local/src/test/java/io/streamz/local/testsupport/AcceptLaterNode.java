package io.streamz.local.testsupport;

import io.streamz.Stream;
import io.streamz.local.internal.core.Node;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A downstream that accepts each element only later, when the test completes the future it returned
 * for it: stands for a full buffer or an asynchronous sink in back-pressure tests.
 */
public final class AcceptLaterNode extends Node<Object> {
    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> acceptances = new CopyOnWriteArrayList<>();

    private AcceptLaterNode(Node<?> upstream) {
        super(upstream.scheduler());
        upstream.connect(this);
    }

    /** A node subscribed to {@code upstream}. */
    public static AcceptLaterNode after(Stream<?> upstream) {
        return new AcceptLaterNode(Node.asNode(upstream));
    }

    @Override
    public CompletableFuture<?> update(Object x, Node<?> from) {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        received.add(x);
        acceptances.add(accepted);
        return accepted;
    }

    /** The elements received so far. */
    public List<Object> received() {
        return received;
    }

    /**
     * Accepts element number {@code index}, once it has arrived: an element behind a buffer or a
     * timer reaches this node on a worker thread, maybe a moment after the test's last call returned.
     */
    public void accept(int index) {
        Await.until(() -> acceptances.size() > index);
        acceptances.get(index).complete(null);
    }

    @Override
    protected String operatorName() {
        return "accept_later";
    }
}
