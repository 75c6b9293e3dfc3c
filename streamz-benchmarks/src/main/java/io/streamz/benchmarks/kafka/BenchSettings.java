package io.streamz.benchmarks.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka benchmark's command line, {@code name=value} settings: the numbers {@code records}
 * (per round, 200000), {@code rounds} (4, the first a warm-up), {@code partitions} (4), {@code
 * servers} (1), {@code batch} (the most records per batch, 10000), {@code buffer} (the streamz
 * pipelines' {@code buffer(n)}, in their elements: each {@link PipelineShape}'s default unless given),
 * and {@code pipeline}: the {@link PipelineShape} labels to measure, comma-separated, or {@code all}
 * ({@code cluster-write} by default). Immutable.
 */
final class BenchSettings {
    private static final String PIPELINE = "pipeline";
    private static final String BUFFER = "buffer";
    private final Map<String, Integer> numbers;
    private final List<PipelineShape> pipelines;
    private final Integer buffer;

    private BenchSettings(Map<String, Integer> numbers, List<PipelineShape> pipelines, Integer buffer) {
        this.numbers = numbers;
        this.pipelines = pipelines;
        this.buffer = buffer;
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
        List<PipelineShape> pipelines = List.of(PipelineShape.CLUSTER_WRITE);
        Integer buffer = null;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length == 2 && pair[0].equals(PIPELINE)) {
                pipelines = pipelines(pair[1]);
            } else if (pair.length == 2 && pair[0].equals(BUFFER)) {
                buffer = positive(pair[0], pair[1]);
            } else if (pair.length == 2 && numbers.containsKey(pair[0])) {
                numbers.put(pair[0], positive(pair[0], pair[1]));
            } else {
                throw new IllegalArgumentException("unknown setting '" + arg + "': use name=value with a name among "
                        + numbers.keySet() + ", " + BUFFER + " or " + PIPELINE);
            }
        }
        return new BenchSettings(numbers, pipelines, buffer);
    }

    private static List<PipelineShape> pipelines(String labels) {
        if (labels.equals("all")) {
            return List.of(PipelineShape.values());
        }
        List<PipelineShape> shapes = new ArrayList<>();
        for (String label : labels.split(",")) {
            PipelineShape shape = PipelineShape.of(label.trim());
            if (!shapes.contains(shape)) {
                shapes.add(shape);
            }
        }
        return List.copyOf(shapes);
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

    /** The {@code buffer(n)} of {@code shape}'s pipeline: {@code buffer=} if given, else the shape's default. */
    int buffer(PipelineShape shape) {
        return buffer == null ? shape.defaultBuffer() : buffer;
    }

    /** The pipelines to measure against the plain loop, in the order given. */
    List<PipelineShape> pipelines() {
        return pipelines;
    }

    @Override
    public String toString() {
        return numbers + " pipeline=" + pipelines + (buffer == null ? "" : " buffer=" + buffer);
    }
}
