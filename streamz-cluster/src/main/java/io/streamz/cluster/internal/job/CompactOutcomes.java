package io.streamz.cluster.internal.job;

import java.util.Arrays;

/**
 * The compact form {@link Codec} gives {@link Outcomes} in which no element failed and whose values
 * {@link ScalarList} can write (e.g. each a batch of strings): the size limit, the statuses, then the
 * values as a list. The data cache holds each task's outcomes so, and every next step reads them:
 * through Ignite's marshaller, a 10,000-string batch cost a cluster step more CPU than its function.
 * Stateless and thread-safe.
 */
final class CompactOutcomes {
    private CompactOutcomes() {
    }

    /** {@code outcomes} after {@code tag}, or {@code null} when they have an error or a value of another kind. */
    static byte[] write(byte tag, Outcomes outcomes) {
        if (outcomes.anyFailed()) {
            return null;
        }
        Object[] values = outcomes.values();
        byte[] list = ScalarList.write(tag, values, 0);
        if (list == null) {
            return null;
        }
        // The tag, the limit, the count, the statuses, then the list without its tag.
        int header = 1 + 8 + 4 + values.length;
        byte[] out = new byte[header + list.length - 1];
        out[0] = tag;
        long limit = outcomes.maxBytes();
        Scalars.putInt(out, 1, (int) (limit >>> 32));
        Scalars.putInt(out, 5, (int) limit);
        Scalars.putInt(out, 9, values.length);
        for (int i = 0; i < values.length; i++) {
            out[13 + i] = outcomes.status(i);
        }
        System.arraycopy(list, 1, out, header, list.length - 1);
        return out;
    }

    /** The outcomes {@link #write} wrote from {@code from} (after the tag). */
    static Outcomes read(byte[] bytes, int from) {
        long limit = (long) Scalars.getInt(bytes, from) << 32 | Scalars.getInt(bytes, from + 4) & 0xffffffffL;
        int count = Scalars.getInt(bytes, from + 8);
        int statuses = from + 12;
        byte[] status = Arrays.copyOfRange(bytes, statuses, statuses + count);
        Object[] values = ScalarList.read(bytes, statuses + count).toArray();
        return new Outcomes(values, status, limit);
    }
}
