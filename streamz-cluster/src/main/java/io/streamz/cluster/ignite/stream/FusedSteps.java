package io.streamz.cluster.ignite.stream;

import io.streamz.cluster.ignite.job.ElementOp;
import io.streamz.cluster.ignite.job.FusedOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, when the first element reaches a cluster step, whether it runs fused with the steps after
 * it: a chain of element-wise steps ({@link ElementStep}s) each of whose only downstream is the next,
 * which has no other upstream, runs as one task per batch at its last step ({@link FusedOp}), and the
 * steps before pass their inputs on unchanged. So an element crosses the cluster once for the whole
 * chain, and no intermediate result is stored. Decided then rather than when the steps are built,
 * since the graph grows while it is built; afterwards a step that passes its inputs on refuses new
 * consumers (see {@link StepNode#connect}). Stateless; called under the first step's lock.
 */
final class FusedSteps {
    private FusedSteps() {
    }

    /** Decides for {@code head} (a step that got its first element) and the chain after it, if any. */
    static void decide(StepNode head) {
        List<StepNode> chain = new ArrayList<>();
        chain.add(head);
        for (StepNode at = head; ; ) {
            StepNode next = fusableAfter(at);
            if (next == null) {
                break;
            }
            chain.add(next);
            at = next;
        }
        if (chain.size() == 1) {
            head.sendsItself();
            return;
        }
        List<ElementOp> ops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (StepNode step : chain) {
            ops.add(step.element().op());
            names.add(step.element().name());
        }
        StepNode tail = chain.get(chain.size() - 1);
        tail.runs(new FusedOp(ops, names), String.join(" -> ", names));
        // From the tail back: once the head passes elements on, every step after it is ready for them.
        for (int i = chain.size() - 2; i >= 0; i--) {
            chain.get(i).passesOn();
        }
    }

    /** The step {@code step} fuses with: its only downstream, when both are element-wise and nothing else feeds it. */
    private static StepNode fusableAfter(StepNode step) {
        if (step.element() == null || step.downstreams().size() != 1
                || !(step.downstreams().get(0) instanceof StepNode next)) {
            return null;
        }
        return next.element() != null && next.upstreams().size() == 1 && !next.decided() ? next : null;
    }
}
