package io.streamz.dataframe;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

import static io.streamz.dataframe.Reference.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code ewm(...).mean()} and {@code expanding()}: the values pandas 1.5.3 gives for streamz's own
 * cases, and the exponentially weighted mean of 50 random streams against the weighted average
 * over the concatenated data.
 */
class EwmTest {
    private final Stream<Table> source = Stream.create();
    private final DataFrame sdf = DataFrame.of(source, xy());

    private static Table xy(double... x) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i] + 1;
        }
        return Table.create("xy", DoubleColumn.create("x", x), DoubleColumn.create("y", y));
    }

    @Test
    void ewmMeanOfOneRowPerTableIsPandasEwmMeanAsInStreamzsTest() {
        List<Table> out = sdf.ewm(1).mean().stream().sinkToList();
        source.emit(xy(1));
        source.emit(xy(2));
        source.emit(xy(3));
        // pandas: DataFrame({'x': [1., 2., 3.], 'y': [2., 3., 4.]}).ewm(1).mean()
        assertEquals(List.of("x", "y"), out.get(0).columnNames());
        double[] x = {1.0, 1.6666666666666667, 2.4285714285714284};
        for (int i = 0; i < 3; i++) {
            assertClose(x[i], out.get(i).doubleColumn("x").getDouble(0), "x after table " + i);
            assertClose(x[i] + 1, out.get(i).doubleColumn("y").getDouble(0), "y after table " + i);
        }
    }

    @Test
    void ewmMeanAfterATableIsPandasValueAtItsLastRowForEveryWayOfGivingTheSmoothing() {
        List<Double> span = sdf.column("x").ewm(Smoothing.span(3)).mean().stream().sinkToList();
        List<Double> halflife = sdf.ewm(Smoothing.halflife(2)).column("x").mean().stream().sinkToList();
        List<Double> alpha = sdf.column("x").ewm(Smoothing.alpha(0.5)).mean().stream().sinkToList();
        source.emit(xy(1, 5));
        source.emit(xy(2, 8));
        // pandas: Series([1., 5, 2, 8]).ewm(span=3 | halflife=2 | alpha=0.5).mean()
        assertClose(3.6666666666666665, span.get(0), "span after the first table");
        assertClose(5.533333333333333, span.get(1), "span");
        assertClose(4.790861000676826, halflife.get(1), "halflife");
        assertClose(5.533333333333333, alpha.get(1), "alpha 0.5 is span 3");
    }

    @Test
    void aMissingValueLeavesTheEwmMeanAsItWasAndStillAgesTheEarlierValuesAsPandasDoes() {
        List<Double> com = sdf.column("x").ewm(1).mean().stream().sinkToList();
        List<Double> last = sdf.column("x").ewm(Smoothing.alpha(1)).mean().stream().sinkToList();
        source.emit(xy(Double.NaN));
        source.emit(xy(1, Double.NaN));
        source.emit(xy(3, Double.NaN));
        // pandas: Series([nan, 1., nan, 3, nan]).ewm(com=1).mean() is [nan, 1, 1, 2.6, 2.6]
        assertEquals(Double.NaN, com.get(0));
        assertClose(1.0, com.get(1), "after the missing value");
        assertClose(2.6, com.get(2), "weights by absolute position");
        assertClose(3.0, last.get(2), "alpha 1 keeps the last value");
    }

    @Test
    void ewmMeanEqualsTheWeightedAverageOverTheConcatenatedDataForRandomStreams() {
        for (long seed = 0; seed < 50; seed++) {
            RandomTables random = new RandomTables(seed);
            List<Table> tables = random.stream();
            double alpha = 0.05 + 0.95 * random.nextInt(100) / 100.0;
            Stream<Table> input = Stream.create();
            DataFrame frame = DataFrame.of(input, RandomTables.example()).setIndex("time");
            List<Table> means = frame.ewm(Smoothing.alpha(alpha)).mean().stream().sinkToList();
            List<Table> seen = new ArrayList<>();
            for (Table table : tables) {
                input.emit(table);
                seen.add(table);
                Table all = Reference.concat(RandomTables.example(), seen);
                for (String column : List.of("k", "x", "y")) {
                    assertClose(weightedMean(all.numberColumn(column), alpha),
                            means.get(seen.size() - 1).doubleColumn(column).getDouble(0),
                            "seed " + seed + ", " + column + ", alpha " + alpha);
                }
            }
        }
    }

    /** pandas' ewm mean at the last row at which a value is present: Σ (1-α)^(t-i) x_i / Σ (1-α)^(t-i). */
    private static double weightedMean(NumericColumn<?> values, double alpha) {
        int t = values.size() - 1;
        while (t >= 0 && values.isMissing(t)) {
            t--;
        }
        double sum = 0;
        double weights = 0;
        for (int i = 0; i <= t; i++) {
            if (!values.isMissing(i)) {
                double weight = Math.pow(1 - alpha, t - i);
                sum += weight * values.getDouble(i);
                weights += weight;
            }
        }
        return t < 0 ? Double.NaN : sum / weights;
    }

    @Test
    void anEwmMeanResumedFromAnotherStreamsStateGivesWhatOneStreamOverAllTablesGives() {
        for (long seed = 0; seed < 50; seed++) {
            List<Table> tables = new RandomTables(seed).stream();
            int split = tables.size() / 2;
            Stream<Table> whole = Stream.create();
            Stream<Table> first = Stream.create();
            Stream<Table> second = Stream.create();
            List<Table> expected = DataFrame.of(whole, RandomTables.example()).setIndex("time").ewm(2).mean()
                    .stream().sinkToList();
            var states = DataFrame.of(first, RandomTables.example()).setIndex("time").ewm(2).meanWithState(null)
                    .stream().sinkToList();
            tables.forEach(whole::emit);
            tables.subList(0, split).forEach(first::emit);
            List<Table> resumed = DataFrame.of(second, RandomTables.example()).setIndex("time").ewm(2)
                    .mean(split == 0 ? null : states.get(split - 1).state()).stream().sinkToList();
            tables.subList(split, tables.size()).forEach(second::emit);
            for (String column : List.of("k", "x", "y")) {
                assertClose(expected.get(tables.size() - 1).doubleColumn(column).getDouble(0),
                        resumed.get(resumed.size() - 1).doubleColumn(column).getDouble(0), "seed " + seed + ", " + column);
            }
        }
    }

    @Test
    void expandingAggregationsAreThoseOfAllRowsSoFarAsInStreamzsTest() {
        List<Table> sums = sdf.expanding().sum().stream().sinkToList();
        List<Table> variances = sdf.expanding().var(0).stream().sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(xy(1));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1.0, sums.get(i).doubleColumn("x").getDouble(0));
            assertEquals(2 * (i + 1.0), sums.get(i).doubleColumn("y").getDouble(0));
            assertEquals(0.0, variances.get(i).doubleColumn("x").getDouble(0));
        }
    }

    @Test
    void smoothingOutsideWhatPandasAcceptsFailsSayingTheRange() {
        assertThrows(IllegalArgumentException.class, () -> Smoothing.com(-1));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.span(0.5));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.halflife(0));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.alpha(0));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.alpha(1.5));
        assertThrows(IllegalStateException.class, () -> sdf.groupby("x").sum().ewm(1));
        assertThrows(IllegalStateException.class, () -> sdf.groupby("x").sum().expanding());
    }
}
