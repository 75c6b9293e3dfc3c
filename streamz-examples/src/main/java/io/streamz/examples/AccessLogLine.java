package io.streamz.examples;

import java.io.Serializable;

/**
 * One parsed line of the generated access log, e.g.
 * {@code 2026-11-26T10:00:00.123Z 10.0.0.7 GET /api/items 200 12}.
 *
 * @param method    HTTP method
 * @param path      request path
 * @param status    HTTP status code
 * @param millis    response time in milliseconds
 */
public record AccessLogLine(String method, String path, int status, int millis) implements Serializable {

    /**
     * Parses a log line; this runs on the cluster's server nodes (the class travels there by peer
     * class loading).
     *
     * @throws IllegalArgumentException for a line that is not an access-log line
     */
    public static AccessLogLine parse(String line) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 6) {
            throw new IllegalArgumentException("not an access-log line (expected 6 fields): " + line);
        }
        return new AccessLogLine(fields[2], fields[3], Integer.parseInt(fields[4]), Integer.parseInt(fields[5]));
    }

    /** The status class: {@code 2xx}, {@code 4xx}, {@code 5xx}. */
    public String statusClass() {
        return (status / 100) + "xx";
    }
}
