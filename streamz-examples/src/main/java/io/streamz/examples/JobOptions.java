package io.streamz.examples;

import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of {@link LogPipeline}.
 *
 * @param connectTo      discovery addresses of a running cluster; empty for an embedded one
 * @param seconds        how long the log grows
 * @param linesPerSecond how fast it grows
 */
record JobOptions(List<String> connectTo, int seconds, int linesPerSecond) {
    static final String USAGE = "usage: LogPipeline [--connect host:port,host:port...] [--seconds N] [--rate LINES_PER_SECOND]";

    static JobOptions parse(String... args) {
        List<String> connectTo = List.of();
        int seconds = 10;
        int rate = 2000;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--connect" -> connectTo = Arrays.stream(required(args[i], value).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
                case "--seconds" -> seconds = positive(args[i], value);
                case "--rate" -> rate = positive(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        return new JobOptions(connectTo, seconds, rate);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static int positive(String option, String value) {
        try {
            int parsed = Integer.parseInt(required(option, value));
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, was " + value + "\n" + USAGE);
    }
}
