package io.streamz.local.testsupport;

import io.streamz.ErrorHandler;
import io.streamz.Stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects what goes to the error handler while installed ({@code try (var errors = ReportedErrors.install())});
 * {@link #close()} puts the previous handler back.
 */
public final class ReportedErrors implements AutoCloseable {
    /** One reported error and where it happened. */
    public record Report(Stream<?> where, Throwable error) {
    }

    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private final ErrorHandler previous;

    private ReportedErrors() {
        previous = Stream.setErrorHandler((where, error) -> reports.add(new Report(where, error)));
    }

    public static ReportedErrors install() {
        return new ReportedErrors();
    }

    public List<Report> reports() {
        return reports;
    }

    /** The reported exceptions, in the order they were reported. */
    public List<Throwable> errors() {
        return reports.stream().map(Report::error).toList();
    }

    @Override
    public void close() {
        Stream.setErrorHandler(previous);
    }
}
