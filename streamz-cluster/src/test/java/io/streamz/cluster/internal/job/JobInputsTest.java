package io.streamz.cluster.internal.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobInputsTest {
    private final Codec codec = new Codec(new JavaMarshaller(), JobInputsTest.class.getClassLoader());

    @Test
    void aJobOfShippedValuesResolvesThemInOrder() {
        JobInputs inputs = shipped(3);

        assertEquals(3, inputs.size());
        assertArrayEquals(new Object[] {0, 1, 2}, inputs.resolve(null, codec));
    }

    @Test
    void aJobOfShippedValuesCarriesNoObjectPerElement() {
        // Ignite's marshaller reads each object of an array one byte at a time from a synchronized
        // stream: per element, the job should carry its bytes and where they end, nothing more.
        int perElement = codec.encode(1_000).length + Integer.BYTES;

        int grown = Codec.javaSerialized(shipped(2_000)).length - Codec.javaSerialized(shipped(1_000)).length;

        assertEquals(1_000 * perElement, grown);
    }

    @Test
    void aCompositeBesideShippedValuesStillResolves() {
        JobInputs.Builder builder = JobInputs.builder().addValue(codec.encode(7));
        builder.add(builder.composite(List.of(builder.nestedValue(codec.encode(8)), builder.nestedValue(codec.encode(9)))));

        JobInputs inputs = builder.build();

        assertEquals(2, inputs.size());
        assertArrayEquals(new Object[] {7, List.of(8, 9)}, inputs.resolve(null, codec));
    }

    private JobInputs shipped(int elements) {
        JobInputs.Builder builder = JobInputs.builder();
        for (int i = 0; i < elements; i++) {
            // Values of one size (1,000 and up), so that only the count changes between jobs.
            builder.addValue(codec.encode(elements == 3 ? i : 1_000 + i));
        }
        return builder.build();
    }
}
