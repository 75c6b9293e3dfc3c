package io.streamz.cluster.internal.stream;

import io.streamz.cluster.internal.job.ElementOp;
import io.streamz.cluster.internal.job.FusedOp;
import io.streamz.local.internal.core.Node;
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
 *
 * <p>A source that reads on the servers ({@link ServerReads}) asks the same, at its first read, for the
 * chain right after it ({@link #afterRead}): each read then applies the whole chain where it read.
 */
final class FusedSteps {
    private FusedSteps() {
    }

    /** Decides for {@code head} (a step that got its first element) and the chain after it, if any. */
    static void decide(StepNode head) {
        List<StepNode> chain = chainFrom(head);
        if (chain.size() == 1) {
            head.sendsItself();
            return;
        }
        StepNode tail = chain.get(chain.size() - 1);
        tail.runs(op(chain), name(chain));
        passOnBefore(chain);
    }

    /**
     * The chain of element-wise steps a read emitting into {@code source} runs fused with (its only
     * downstream, fed by nothing else, and the steps fusable after it), decided for all of them: the
     * last one's inputs are its results already ({@link StepNode#appliedByRead}), the others pass
     * theirs on; or an empty list, deciding nothing, when {@code source}'s downstream is not such a
     * step. Called once, before the source's first read, under the lock of its {@link ServerReads}.
     */
    static List<StepNode> afterRead(Node<?> source) {
        if (source.downstreams().size() != 1 || !(source.downstreams().get(0) instanceof StepNode head) || !fusable(head)) {
            return List.of();
        }
        List<StepNode> chain = chainFrom(head);
        StepNode tail = chain.get(chain.size() - 1);
        tail.appliedByRead();
        passOnBefore(chain);
        return chain;
    }

    /** What {@code chain} applies: its one step's op, or every step's fused. */
    static ElementOp op(List<StepNode> chain) {
        if (chain.size() == 1) {
            return chain.get(0).element().op();
        }
        List<ElementOp> ops = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (StepNode step : chain) {
            ops.add(step.element().op());
            names.add(step.element().name());
        }
        return new FusedOp(ops, names);
    }

    /** {@code chain} as messages name it: "cluster map inc -> cluster filter". */
    static String name(List<StepNode> chain) {
        List<String> names = new ArrayList<>();
        chain.forEach(step -> names.add(step.element().name()));
        return String.join(" -> ", names);
    }

    /** {@code head} and the steps it fuses with, in order. */
    private static List<StepNode> chainFrom(StepNode head) {
        List<StepNode> chain = new ArrayList<>();
        chain.add(head);
        for (StepNode next = fusableAfter(head); next != null; next = fusableAfter(next)) {
            chain.add(next);
        }
        return chain;
    }

    private static void passOnBefore(List<StepNode> chain) {
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
        return fusable(next) ? next : null;
    }

    /** Whether {@code step} may run in the task of whatever feeds it: element-wise, fed by one node, not decided yet. */
    private static boolean fusable(StepNode step) {
        return step.element() != null && step.upstreams().size() == 1 && !step.decided();
    }
}
