package io.streamz.docker;

import io.streamz.function.FunctionEx;
import java.util.List;
import java.util.Locale;

/**
 * What {@link KafkaOnServersIT} has the server containers do to the batches of records they read: in a class of its
 * own, so that the containers peer-load only this and not the test's fixtures (the class that defines a lambda is
 * loaded and initialised where the lambda runs).
 */
final class BatchWork {

    /** Between a record and the host name of the server that handled it, in an output value. */
    static final char AT = '@';

    /** The number of records in a batch, so that only counts come back to the driver. */
    static final FunctionEx<List<String>, Integer> SIZE = List::size;

    private BatchWork() {
    }

    /**
     * Upper-cases every record of a batch and appends {@link #AT} and the host name of the server doing it, so that
     * the output topic says where each record was handled. Sleeps {@code pauseMillis} first, which keeps batches in
     * flight on every server for a while; prints {@link #marker(String)} when the batch holds {@code markerRecord}
     * ({@code null}: never), which tells the test which server holds that batch.
     */
    static FunctionEx<List<String>, List<String>> shout(String markerRecord, long pauseMillis) {
        return batch -> {
            Thread.sleep(pauseMillis);
            if (markerRecord != null && batch.contains(markerRecord))
                System.out.println(marker(markerRecord));
            String host = System.getenv("HOSTNAME");
            return batch.stream().map(record -> record.toUpperCase(Locale.ROOT) + AT + host).toList();
        };
    }

    /** The line a server prints when it handles the batch holding {@code record}. */
    static String marker(String record) {
        return "the batch with \"" + record + "\" is here";
    }

    /** The input record an output value of {@link #shout} came from, upper-cased. */
    static String record(String output) {
        return output.substring(0, output.lastIndexOf(AT));
    }

    /** The host name of the server that wrote an output value of {@link #shout}. */
    static String host(String output) {
        return output.substring(output.lastIndexOf(AT) + 1);
    }
}
