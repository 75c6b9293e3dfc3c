package io.streamz.collections;

import io.streamz.Stream;
import io.streamz.dataframe.DataFrame;
import io.streamz.dataframe.internal.Schema;
import io.streamz.function.FunctionEx;
import io.streamz.function.PredicateEx;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stream of {@code List}s of records (streamz's {@code Batch}): many small records travel
 * together, so per-element overhead is paid once per batch. Typically the first stage of
 * ingestion, e.g. {@code Batch.of(lines.partition(100))}, before handing off to a
 * {@link DataFrame} with {@link #toDataFrame()}.
 *
 * <p>Every operation is a {@code map} (or, for {@link #sum()}, an {@code accumulate}) on the
 * underlying stream of lists, running on the emitting thread; back pressure is the stream's.
 * Output lists are new, immutable lists.
 *
 * @param <T> record type
 */
public final class Batch<T> extends Streaming<List<T>> {

    private Batch(Pipeline<List<T>> pipeline, List<T> example) {
        super(pipeline, List.copyOf(example));
    }

    /** The lists of {@code stream} as a batch, with no example records (streamz's {@code to_batch()}). */
    public static <T> Batch<T> of(Stream<List<T>> stream) {
        return of(stream, List.of());
    }

    /** The lists of {@code stream} as a batch; {@code example} holds records like those to come. */
    public static <T> Batch<T> of(Stream<List<T>> stream, List<T> example) {
        Objects.requireNonNull(example, "example must not be null: pass List.of() when there is none");
        return new Batch<>(Pipeline.from(stream), example);
    }

    /** Checks that {@code x} is a list without {@code null} records. */
    @Override
    public void verify(List<T> x) {
        super.verify(x);
        for (T record : x) {
            if (record == null) {
                throw new NullPointerException("a batch must not hold null records");
            }
        }
    }

    /** Keeps, in every batch, the records for which {@code predicate} is true. */
    public Batch<T> filter(PredicateEx<? super T> predicate) {
        Objects.requireNonNull(predicate, "filter predicate must not be null");
        return derive(batch -> {
            List<T> kept = new ArrayList<>();
            for (T record : batch) {
                if (predicate.test(record)) {
                    kept.add(record);
                }
            }
            return List.copyOf(kept);
        });
    }

    /** Applies {@code f} to every record (e.g. parsing lines of JSON); the example records are mapped too. */
    public <R> Batch<R> map(FunctionEx<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "map function must not be null");
        return derive(batch -> {
            List<R> mapped = new ArrayList<>(batch.size());
            for (T record : batch) {
                mapped.add(f.apply(record));
            }
            return List.copyOf(mapped);
        });
    }

    /** Picks item {@code index} of every record, which must be a {@code List} (streamz's {@code pluck(0)}). */
    public <R> Batch<R> pluck(int index) {
        return map(record -> {
            if (!(record instanceof List<?> list)) {
                throw new IllegalArgumentException("pluck(" + index + ") needs List records, got " + describe(record));
            }
            @SuppressWarnings("unchecked")
            R item = (R) list.get(index);
            return item;
        });
    }

    /** Picks the value of {@code key} in every record, which must be a {@code Map} (streamz's {@code pluck('x')}). */
    public <R> Batch<R> pluck(String key) {
        Objects.requireNonNull(key, "pluck key must not be null");
        return map(record -> {
            if (!(record instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("pluck(\"" + key + "\") needs Map records, got " + describe(record));
            }
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException("a record has no key " + key + ": " + map);
            }
            @SuppressWarnings("unchecked")
            R value = (R) map.get(key);
            return value;
        });
    }

    /**
     * The running sum of all records so far, which must be {@code Number}s, as a {@code double}
     * (streamz's {@code sum}: {@code accumulate(acc + sum(batch), start=0)}).
     */
    public Streaming<Double> sum() {
        return accumulatePartitions((Double total, List<T> batch) -> {
            double sum = total;
            for (T record : batch) {
                if (!(record instanceof Number number)) {
                    throw new IllegalArgumentException("sum needs Number records, got " + describe(record));
                }
                sum += number.doubleValue();
            }
            return sum;
        }, 0.0);
    }

    /**
     * The batches as a streaming {@link DataFrame} (streamz's {@code to_dataframe}, which calls
     * {@code pd.DataFrame} on every list). The first example record fixes the columns: a
     * {@code Map}'s keys (give a {@code LinkedHashMap} to fix their order) or a {@code List}'s
     * positions ({@code "0"}, {@code "1"}, ...), typed by its values ({@code Integer} gives
     * {@code INTEGER}, {@code Double} gives {@code DOUBLE}, {@code String} gives {@code STRING}...).
     *
     * @throws IllegalStateException when this batch has no example record
     */
    public DataFrame toDataFrame() {
        if (example().isEmpty()) {
            throw new IllegalStateException("toDataFrame needs an example record to know the columns: "
                    + "give Batch.of an example, or call toDataFrame(exampleTable)");
        }
        Schema schema = RowsToTable.inferFrom(example().get(0));
        return DataFrame.of(pipeline().map(new RowsToTable(schema)), schema.emptyTable());
    }

    /** The batches as a streaming {@link DataFrame} with the columns of {@code example}. */
    public DataFrame toDataFrame(Table example) {
        Objects.requireNonNull(example, "example must not be null: pass a Table with the columns to build");
        Schema schema = Schema.of(example);
        return DataFrame.of(pipeline().map(new RowsToTable(schema)), schema.emptyTable());
    }

    /** The records one by one, as a plain stream (streamz's {@code to_stream}: {@code flatten}). */
    public Stream<T> toStream() {
        return stream().flatten();
    }

    private <R> Batch<R> derive(FunctionEx<List<T>, List<R>> f) {
        return new Batch<>(pipeline().map(f), f.apply(example()));
    }

    private static String describe(Object record) {
        return record == null ? "null" : record + " (" + record.getClass().getSimpleName() + ")";
    }
}
