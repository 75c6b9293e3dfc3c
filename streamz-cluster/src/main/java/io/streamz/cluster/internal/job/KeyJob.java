package io.streamz.cluster.internal.job;

import io.streamz.function.FunctionEx;

/**
 * The keys of a batch of elements of a keyed accumulate, run where their inputs lie: applies the key
 * function to each element and returns each key in serialized form (the form keys are compared and
 * placed by), or the exception it failed with; a {@code null} key fails its element. Reads its
 * inputs and consumes none (the accumulate's job does), so a re-run answers the same.
 */
public final class KeyJob extends ClusterJob {
    private static final long serialVersionUID = 1L;

    private final ShippedOp<FunctionEx<Object, Object>> key;
    private final JobInputs inputs;
    private final TaskLimit limit;

    public KeyJob(ShippedOp<FunctionEx<Object, Object>> key, JobInputs inputs, TaskLimit limit) {
        this.key = key;
        this.inputs = inputs;
        this.limit = limit;
    }

    @Override
    public JobResult call() {
        JobSite site = site();
        Object[] values = inputs.resolve(site.data, site.codec);
        FunctionEx<Object, Object> function = site.function(key);
        Outcomes out = key.outcomes(values.length);
        long start = System.nanoTime();
        site.applyEach(values.length, limit, () -> { }, out,
                i -> out.present(i, site.codec.encode(keyOf(function, values[i]))));
        return out.result(System.nanoTime() - start, false, true, site.codec);
    }

    private static Object keyOf(FunctionEx<Object, Object> function, Object value) {
        Object key = function.apply(value);
        if (key == null) {
            throw new NullPointerException("the accumulateByKey key function returned null for " + value
                    + ": return a key for every element (a null key has no server to live on)");
        }
        return key;
    }
}
