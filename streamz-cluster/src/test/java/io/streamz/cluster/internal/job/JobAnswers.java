package io.streamz.cluster.internal.job;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/** What jobs answer, for the driver's tests, which cannot make it themselves. */
public final class JobAnswers {
    private JobAnswers() {
    }

    /** What a job throws when the batch under {@code key} is gone. */
    public static MissingInputException missingInput(Object key) {
        return new MissingInputException(key);
    }

    /** The answer of a task that stored its outcomes ({@code stored}), {@code present} of them present, then {@code absent} absent. */
    public static JobResult answer(boolean stored, int present, int absent) {
        return answer(stored, present, absent, 0);
    }

    /** As above, its function having taken {@code nanos} for the whole task (0: a replay, which measured nothing). */
    public static JobResult answer(boolean stored, int present, int absent, long nanos) {
        byte[] status = new byte[present + absent];
        Arrays.fill(status, present, status.length, Outcomes.ABSENT);
        return new JobResult(status, null, null, status.length, nanos, stored, 0);
    }

    /** A codec writing with Java serialization: no Ignite node needed. */
    public static Codec codec() {
        return new Codec(new JavaMarshaller(), JobAnswers.class.getClassLoader());
    }

    /** The answer of a task that stored nothing, every one of its {@code size} elements failed with {@code error}. */
    public static JobResult allFailed(Codec codec, int size, Throwable error) {
        byte[] status = new byte[size];
        Throwable[] errors = new Throwable[size];
        Arrays.fill(status, Outcomes.FAILED);
        Arrays.fill(errors, error);
        return new JobResult(status, codec.encode(errors), null, size, 0, false, 0);
    }

    /** The answer of a key job: every element keyed, by the serialized {@code keys} given, in order. */
    public static JobResult keys(Codec codec, byte[]... keys) {
        byte[] status = new byte[keys.length];
        return new JobResult(status, null, codec.encode(keys.clone()), keys.length, 0, false, 0);
    }

    /**
     * The values {@code job} (an element, accumulate or key job) ships for its elements, in order, when
     * each is a value still on the driver (a scattered element). Read through the job's private
     * fields: a job exposes nothing for the driver, which only sends it.
     */
    public static List<Object> shippedValues(Object job, Codec codec) {
        try {
            JobInputs inputs = job instanceof KeyJob ? (JobInputs) field(job, "inputs")
                    : (JobInputs) field(field(job, "io"), "inputs");
            // No stored inputs: the data cache is never read.
            return Arrays.asList(inputs.resolve(null, codec));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the job classes changed their fields: update this helper", e);
        }
    }

    /** The sequence number of the first element of an accumulate's task. */
    public static long firstSeq(AccumulateJob job) {
        try {
            return (long) field(job, "firstSeq");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("AccumulateJob changed its fields: update this helper", e);
        }
    }

    /** The sequence numbers of the elements of an accumulateByKey's task, each in its key's run. */
    public static long[] seqs(KeyedAccumulateJob job) {
        try {
            return (long[]) field(job, "seqs");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("KeyedAccumulateJob changed its fields: update this helper", e);
        }
    }

    /** The field {@code name} of {@code owner}, declared by its class or a superclass (e.g. {@code StatefulJob}). */
    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException notHere) {
                // declared higher up, if anywhere
            }
        }
        throw new NoSuchFieldException(name + " in " + owner.getClass() + " or its superclasses");
    }
}
