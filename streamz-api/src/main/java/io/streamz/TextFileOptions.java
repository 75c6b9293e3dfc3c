package io.streamz;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Stream#fromTextFile(java.nio.file.Path, TextFileOptions)} reads a file.
 *
 * @param delimiter    what separates elements (default {@code "\n"}); it is not part of the elements
 * @param fromEnd      start at the end of the file and emit only what is appended later (like
 *                     {@code tail -f}); default {@code false}: from the beginning
 * @param pollInterval how often to look for appended data (default 100 ms, as streamz)
 */
public record TextFileOptions(String delimiter, boolean fromEnd, Duration pollInterval) {
    public TextFileOptions {
        Objects.requireNonNull(delimiter, "delimiter must not be null: pass \"\\n\" for lines");
        if (delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty: pass \"\\n\" for lines");
        }
        Objects.requireNonNull(pollInterval, "pollInterval must not be null");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
    }

    /** Lines, from the beginning of the file, polled every 100 ms. */
    public static TextFileOptions defaults() {
        return new TextFileOptions("\n", false, Duration.ofMillis(100));
    }

    public TextFileOptions withDelimiter(String newDelimiter) {
        return new TextFileOptions(newDelimiter, fromEnd, pollInterval);
    }

    public TextFileOptions withFromEnd(boolean newFromEnd) {
        return new TextFileOptions(delimiter, newFromEnd, pollInterval);
    }

    public TextFileOptions withPollInterval(Duration newPollInterval) {
        return new TextFileOptions(delimiter, fromEnd, newPollInterval);
    }
}
