package io.streamz.cluster.internal.job;

import java.util.List;

/**
 * Consecutive element-wise cluster steps (map, filter, starmap, a cluster {@code toKafka}...) run as
 * one: a job applies them to its batch stage by stage, so that each element crosses the cluster once
 * for the whole chain and no intermediate result is stored or decoded. Stage by stage rather than
 * element by element, so that a {@link io.streamz.spi.PipelinedFunction} stage still starts every
 * element of the batch before it awaits the first. Each stage is held to the task timeout per element
 * under its own step's name, so a timeout names the step whose function overran; an element that fails
 * or is filtered out at one stage skips the rest. Every stage's results are held to the limits of stored
 * results (size, marshallability), though only the last stage's leave the job, so that fusing steps
 * changes no outcome: it costs one encoding of the values of each stage that made new ones. Made on the driver when a stream starts
 * (see the stream package's {@code FusedSteps}), shipped like any step's op.
 */
public final class FusedOp implements ElementOp {
    private static final long serialVersionUID = 1L;
    private final ElementOp[] stages;
    private final String[] steps;

    /**
     * The steps {@code stages}, in order, named {@code steps} in messages ("cluster map inc").
     *
     * @throws IllegalArgumentException unless there are at least two, each with its name
     */
    public FusedOp(List<ElementOp> stages, List<String> steps) {
        if (stages.size() < 2 || stages.size() != steps.size()) {
            throw new IllegalArgumentException("fusing takes two steps or more, each with its name: got " + stages + " named " + steps);
        }
        this.stages = stages.toArray(ElementOp[]::new);
        this.steps = steps.toArray(String[]::new);
    }

    /**
     * Applies every stage to the elements {@code values}, each stage to the elements the earlier ones
     * left present, recording each element's outcome in {@code out}; returns the nanoseconds of work (as
     * {@link BatchApply#run}). On the job's thread.
     */
    long applyStages(Object[] values, JobSite site, TaskLimit limit, Outcomes out) {
        long nanos = 0;
        Object[] live = values;
        // Where each live element sits in the batch; null while none has dropped out.
        int[] at = null;
        for (int k = 0; k < stages.length && live.length > 0; k++) {
            boolean last = k == stages.length - 1;
            // The last stage writes straight into out unless elements dropped out before.
            Outcomes stage = last && at == null ? out : new Outcomes(live.length, out.maxBytes());
            nanos += BatchApply.run(stages[k], live, site, limit.forStep(steps[k]), stage);
            if (stage == out) {
                break;
            }
            out.countTimedOut(stage);
            if (last) {
                for (int j = 0; j < live.length; j++) {
                    out.copy(at[j], stage, j);
                }
                break;
            }
            if (!passesItsInputsOn(stage, live)) {
                stage.failUnstorable(site.codec);
            }
            if (stage.presentCount() == live.length) {
                live = stage.values();
                continue;
            }
            // Some failed or were filtered out: their outcome is final, the others go on.
            Object[] nextLive = new Object[stage.presentCount()];
            int[] nextAt = new int[nextLive.length];
            int n = 0;
            for (int j = 0; j < live.length; j++) {
                int i = at == null ? j : at[j];
                if (stage.status(j) == Outcomes.PRESENT) {
                    nextLive[n] = stage.value(j);
                    nextAt[n++] = i;
                } else {
                    out.copy(i, stage, j);
                }
            }
            live = nextLive;
            at = nextAt;
        }
        return nanos;
    }

    /**
     * Whether every element present after {@code stage} is its input itself (a filter, a {@code toKafka}):
     * those were held to the limits already (scattered, stored, or checked after the stage before), so
     * they need not be encoded again. A function that grows its input in place and returns it is not
     * caught here; the last stage's results are checked when they are stored or returned, whatever they are.
     */
    private static boolean passesItsInputsOn(Outcomes stage, Object[] inputs) {
        for (int j = 0; j < inputs.length; j++) {
            if (stage.status(j) == Outcomes.PRESENT && stage.value(j) != inputs[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Not used: a job applies a fused op to its whole batch, stage by stage ({@link BatchApply}), which
     * a per-element call cannot do.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void apply(Object x, Outcomes out, int i) {
        throw new UnsupportedOperationException(this + " is applied to a whole batch by BatchApply, not element by element");
    }

    /** The last step's function: what the chain's results come from. */
    @Override
    public Object function() {
        return stages[stages.length - 1].function();
    }

    /** {@code <fused: cluster map inc -> cluster filter>}. */
    @Override
    public String toString() {
        return "<fused: " + String.join(" -> ", steps) + ">";
    }
}
