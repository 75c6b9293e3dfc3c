package io.streamz.benchmarks.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka benchmark's command line, {@code name=value} settings: the numbers {@code records}
 * (per round, 200000), {@code rounds} (4, the first a warm-up), {@code partitions} (4), {@code
 * servers} (1), {@code batch} (the most records per batch, 10000), {@code buffer} (the streamz
 * pipeline's {@code buffer(n)}, in its elements: the {@link PipelineShape}'s default unless given),
 * and {@code pipeline} (a {@link PipelineShape} label, {@code cluster-read} by default). Immutable.
 */
final class BenchSettings {
    private static final String PIPELINE = "pipeline";
    private static final String BUFFER = "buffer";
    private final Map<String, Integer> numbers;
    private final PipelineShape pipeline;

    private BenchSettings(Map<String, Integer> numbers, PipelineShape pipeline) {
        this.numbers = numbers;
        this.pipeline = pipeline;
    }

    /**
     * The settings {@code args} give, the defaults for the others.
     *
     * @throws IllegalArgumentException for a setting it does not know (naming those it does), a number
     *     that is not a positive integer or an unknown pipeline (naming those there are)
     */
    static BenchSettings parse(String... args) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        numbers.put("records", 200_000);
        numbers.put("rounds", 4);
        numbers.put("partitions", 4);
        numbers.put("servers", 1);
        numbers.put("batch", 10_000);
        PipelineShape pipeline = PipelineShape.CLUSTER_READ;
        Integer buffer = null;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length == 2 && pair[0].equals(PIPELINE)) {
                pipeline = PipelineShape.of(pair[1]);
            } else if (pair.length == 2 && pair[0].equals(BUFFER)) {
                buffer = positive(pair[0], pair[1]);
            } else if (pair.length == 2 && numbers.containsKey(pair[0])) {
                numbers.put(pair[0], positive(pair[0], pair[1]));
            } else {
                throw new IllegalArgumentException("unknown setting '" + arg + "': use name=value with a name among "
                        + numbers.keySet() + ", " + BUFFER + " or " + PIPELINE);
            }
        }
        numbers.put(BUFFER, buffer == null ? pipeline.defaultBuffer() : buffer);
        return new BenchSettings(numbers, pipeline);
    }

    private static int positive(String name, String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'", e);
        }
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    /**
     * The number called {@code name}.
     *
     * @throws IllegalArgumentException when there is no such setting
     */
    int number(String name) {
        Integer value = numbers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no number setting '" + name + "': there are " + numbers.keySet());
        }
        return value;
    }

    int buffer() {
        return numbers.get(BUFFER);
    }

    PipelineShape pipeline() {
        return pipeline;
    }

    @Override
    public String toString() {
        return numbers + " pipeline=" + pipeline;
    }
}
