package io.streamz.collections;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.EvictingQueue;
import io.streamz.Stream;
import io.streamz.dataframe.DataFrame;
import io.streamz.dataframe.Series;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchTest {
    /**
     * Jackson rather than a hand parser: JSON's escapes, numbers and Unicode are easy to get subtly
     * wrong, and Jackson is the best-kept JSON library on the JVM. It keeps key order (a
     * LinkedHashMap), which fixes the DataFrame's column order.
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Stream<List<Integer>> numbers = Stream.create();
    private final Batch<Integer> batch = Batch.of(numbers, List.of(0));

    private static Map<String, Object> parse(String line) throws Exception {
        return JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    @Test
    void filterKeepsTheMatchingRecordsOfEveryBatch() {
        List<List<Integer>> evens = batch.filter(x -> x % 2 == 0).stream().sinkToList();
        numbers.emit(List.of(1, 2, 3, 4));
        numbers.emit(List.of(5));
        assertEquals(List.of(List.of(2, 4), List.of()), evens);
    }

    @Test
    void mapAppliesTheFunctionToEveryRecordAndToTheExample() {
        Batch<String> texts = batch.map(x -> "#" + x);
        assertEquals(List.of("#0"), texts.example());
        List<List<String>> out = texts.stream().sinkToList();
        numbers.emit(List.of(1, 2));
        assertEquals(List.of(List.of("#1", "#2")), out);
    }

    @Test
    void pluckPicksAnItemOfListRecordsAndAKeyOfMapRecords() {
        Stream<List<List<Object>>> tuples = Stream.create();
        List<List<Object>> firsts = Batch.of(tuples).<Object>pluck(0).stream().sinkToList();
        Stream<List<Map<String, Object>>> dicts = Stream.create();
        List<List<Object>> names = Batch.of(dicts).<Object>pluck("name").stream().sinkToList();
        tuples.emit(List.of(List.of(1, "a"), List.of(2, "b")));
        dicts.emit(List.of(Map.of("name", "Alice", "x", 123)));
        assertEquals(List.of(List.of(1, 2)), firsts);
        assertEquals(List.of(List.of("Alice")), names);
    }

    @Test
    void pluckOfAMissingKeyFailsTheEmitAndTheBatchGoesOn() {
        Stream<List<Map<String, Object>>> dicts = Stream.create();
        List<List<Object>> names = Batch.of(dicts).<Object>pluck("name").stream().sinkToList();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> dicts.emit(List.of(Map.of("x", 1))));
        assertTrue(error.getMessage().contains("no key name"), error.getMessage());
        dicts.emit(List.of(Map.of("name", "Bob")));
        assertEquals(List.of(List.of("Bob")), names);
    }

    @Test
    void sumIsTheRunningSumOfAllRecords() {
        List<Double> sums = batch.sum().stream().sinkToList();
        numbers.emit(List.of(1, 2, 3));
        numbers.emit(List.of());
        numbers.emit(List.of(4));
        assertEquals(List.of(6.0, 6.0, 10.0), sums);
    }

    @Test
    void toStreamEmitsTheRecordsOneByOne() {
        List<Integer> records = batch.toStream().sinkToList();
        numbers.emit(List.of(1, 2));
        numbers.emit(List.of(3));
        assertEquals(List.of(1, 2, 3), records);
    }

    @Test
    void toDataFrameTakesColumnsAndTypesFromTheExampleRecord() {
        Stream<List<Map<String, Object>>> dicts = Stream.create();
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("name", "Alice");
        example.put("x", 1);
        example.put("y", 2.5);
        DataFrame sdf = Batch.of(dicts, List.of(example)).toDataFrame();
        assertEquals(List.of("name", "x", "y"), sdf.columns());
        List<Table> tables = sdf.stream().sinkToList();
        Map<String, Object> partial = new LinkedHashMap<>();
        partial.put("name", "Bob");
        partial.put("y", 3);
        dicts.emit(List.of(example, partial));
        Table table = tables.get(0);
        assertEquals(List.of("Alice", "Bob"), table.stringColumn("name").asList());
        assertEquals(1, table.intColumn("x").get(0));
        assertTrue(table.intColumn("x").isMissing(1));
        assertEquals(List.of(2.5, 3.0), table.doubleColumn("y").asList());
    }

    @Test
    void toDataFrameOfListRecordsNamesColumnsByPositionOrByAnExampleTable() {
        Stream<List<List<Object>>> tuples = Stream.create();
        Batch<List<Object>> rows = Batch.of(tuples, List.of(List.of("a", 1)));
        assertEquals(List.of("0", "1"), rows.toDataFrame().columns());
        Table example = Table.create(StringColumn.create("name"), DoubleColumn.create("amount"));
        List<Table> tables = rows.toDataFrame(example).stream().sinkToList();
        tuples.emit(List.of(List.of("b", 2)));
        assertEquals(List.of("name", "amount"), tables.get(0).columnNames());
        assertEquals(2.0, tables.get(0).doubleColumn("amount").get(0));
    }

    @Test
    void aValueThatDoesNotFitItsColumnFailsTheEmitNamingTheColumn() {
        Stream<List<Map<String, Object>>> dicts = Stream.create();
        Batch.of(dicts, List.<Map<String, Object>>of(Map.of("x", 1))).toDataFrame().stream().sinkToList();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> dicts.emit(List.of(Map.of("x", 2.5))));
        assertEquals("column x holds INTEGER values (from the example); got 2.5 (Double): "
                + "give an example whose x has this type", error.getMessage());
    }

    @Test
    void toDataFrameWithoutAnExampleRecordFailsWhenBuilt() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Batch.of(numbers).toDataFrame());
        assertTrue(error.getMessage().contains("example"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> batch.toDataFrame());
    }

    @Test
    void badArgumentsFailWhenBuiltAndNullRecordsWhenEmitted() {
        assertThrows(NullPointerException.class, () -> batch.filter(null));
        assertThrows(NullPointerException.class, () -> batch.map(null));
        assertThrows(NullPointerException.class, () -> Batch.of(numbers, null));
        assertThrows(NullPointerException.class, () -> Batch.of(null));
        List<Integer> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> batch.emit(withNull));
        assertThrows(NullPointerException.class, () -> batch.emit(null));
        List<List<Integer>> emitted = batch.stream().sinkToList();
        batch.emit(List.of(1, 2));
        assertEquals(List.of(List.of(1, 2)), emitted);
    }

    /**
     * The seed's example: JSON lines, batched by 100, parsed, turned into a DataFrame, filtered to
     * Alice, grouped by x for the mean of y, and the results kept in a deque of the last 10.
     */
    @Test
    void theSeedsJsonLinesExampleKeepsTheLastTenGroupbyMeansOfAlice() {
        Stream<String> source = Stream.create();
        Batch<String> lines = Batch.of(source.partition(100), List.of("{\"name\": \"Alice\", \"x\": 1, \"y\": 2}"));
        Batch<Map<String, Object>> records = lines.map(BatchTest::parse);
        DataFrame sdf = records.toDataFrame();
        sdf = sdf.where(t -> t.stringColumn("name").isEqualTo("Alice"));
        Series means = sdf.groupby("x").column("y").mean();
        Queue<Table> deque = EvictingQueue.create(10);
        means.stream().sink(deque::add);

        java.util.Random random = new java.util.Random(1);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 1550; i++) {
            String line = "{\"name\": \"" + (random.nextBoolean() ? "Alice" : "Bob") + "\", \"x\": " + random.nextInt(4)
                    + ", \"y\": " + random.nextInt(100) + "}";
            source.emit(line);
            sent.add(line);
        }

        assertEquals(10, deque.size(), "15 batches of 100 went through; the deque keeps the last 10");
        List<Table> kept = new ArrayList<>(deque);
        assertEquals(expectedMeans(sent.subList(0, 600)), meansOf(kept.get(0)));
        assertEquals(expectedMeans(sent.subList(0, 1500)), meansOf(kept.get(9)));
        assertEquals(List.of("x", "y"), kept.get(9).columnNames());
        assertTrue(kept.get(9).column("x") instanceof IntColumn);
    }

    private static Map<Integer, Double> expectedMeans(List<String> lines) {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (String line : lines) {
            Map<String, Object> record = parseOrFail(line);
            if (record.get("name").equals("Alice")) {
                double[] sum = sums.computeIfAbsent((Integer) record.get("x"), k -> new double[2]);
                sum[0] += (Integer) record.get("y");
                sum[1]++;
            }
        }
        Map<Integer, Double> means = new TreeMap<>();
        sums.forEach((x, sum) -> means.put(x, sum[0] / sum[1]));
        return means;
    }

    private static Map<String, Object> parseOrFail(String line) {
        try {
            return parse(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<Integer, Double> meansOf(Table result) {
        Map<Integer, Double> means = new TreeMap<>();
        for (int row = 0; row < result.rowCount(); row++) {
            means.put(result.intColumn("x").get(row), result.doubleColumn("y").get(row));
        }
        return means;
    }
}
