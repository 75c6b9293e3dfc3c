package io.streamz.examples;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of {@link LogPipeline}.
 *
 * @param connectTo      discovery addresses of a running cluster; empty for an embedded one
 * @param seconds        how long the log grows
 * @param linesPerSecond how fast it grows
 * @param tls            the TLS directory (docker/scripts/make-certs.sh's) to connect with, or {@code null}
 * @param dashboardPort  the loopback port to serve the live dashboard on (0: a free one), or {@code null}
 */
record JobOptions(List<String> connectTo, int seconds, int linesPerSecond, Path tls, Integer dashboardPort) {
    static final String USAGE = "usage: LogPipeline [--connect host:port,host:port... [--tls DIR]] [--seconds N]"
            + " [--rate LINES_PER_SECOND] [--dashboard PORT]";

    JobOptions(List<String> connectTo, int seconds, int linesPerSecond) {
        this(connectTo, seconds, linesPerSecond, null);
    }

    JobOptions(List<String> connectTo, int seconds, int linesPerSecond, Path tls) {
        this(connectTo, seconds, linesPerSecond, tls, null);
    }

    static JobOptions parse(String... args) {
        List<String> connectTo = List.of();
        int seconds = 10;
        int rate = 2000;
        Path tls = null;
        Integer dashboard = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--connect" -> connectTo = Arrays.stream(required(args[i], value).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
                case "--seconds" -> seconds = positive(args[i], value);
                case "--rate" -> rate = positive(args[i], value);
                case "--tls" -> tls = Path.of(required(args[i], value));
                case "--dashboard" -> dashboard = port(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (tls != null && connectTo.isEmpty()) {
            throw new IllegalArgumentException("--tls goes with --connect: the embedded cluster is plain\n" + USAGE);
        }
        return new JobOptions(connectTo, seconds, rate, tls, dashboard);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static int port(String option, String value) {
        try {
            int parsed = Integer.parseInt(required(option, value));
            if (parsed >= 0 && parsed <= 65535) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a port number 0-65535 (0: any free port), was " + value
                + "\n" + USAGE);
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
