package io.streamz.dataframe;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Filtering every table with comparisons of its columns (and their {@code and}, {@code or},
 * {@code not}) keeps, over the concatenated output, exactly the rows Tablesaw's selections keep
 * over the concatenated input, for 50 random streams with missing values.
 */
class OperatorPropertyTest {
    private static final int STREAMS = 50;

    /** One comparison of x with y, in the streaming API and in Tablesaw's. */
    private record Case(String name, BiFunction<Series, Series, Series> streaming,
                        BiFunction<NumericColumn<?>, NumericColumn<?>, Selection> tablesaw) {
    }

    private static final List<Case> CASES = List.of(
            new Case("gt", Series::gt, NumericColumn::isGreaterThan),
            new Case("lt", Series::lt, NumericColumn::isLessThan),
            new Case("ge", Series::ge, NumericColumn::isGreaterThanOrEqualTo),
            new Case("le", Series::le, NumericColumn::isLessThanOrEqualTo),
            new Case("eq", Series::eq, NumericColumn::isEqualTo),
            new Case("ne", Series::ne, NumericColumn::isNotEqualTo));

    @Test
    void whereWithAComparisonOfTwoColumnsKeepsTheRowsTablesawKeepsOverTheConcatenatedData() {
        for (long seed = 0; seed < STREAMS; seed++) {
            List<Table> tables = new RandomTables(seed).stream();
            Table all = Reference.concat(RandomTables.example(), tables);
            for (Case c : CASES) {
                Stream<Table> source = Stream.create();
                DataFrame sdf = DataFrame.of(source, RandomTables.example());
                // y's values lie in [-50, 50], x's in [-100, 100]: compare x with y and with y scaled onto x.
                Series x = sdf.column("x");
                Series y = sdf.column("y");
                List<Table> out = sdf.where(c.streaming().apply(x, y).or(c.streaming().apply(x, y.multiply(2)).not()))
                        .stream().sinkToList();
                tables.forEach(source::emit);
                NumericColumn<?> ax = all.numberColumn("x");
                NumericColumn<?> ay = all.numberColumn("y");
                Selection expected = c.tablesaw().apply(ax, ay)
                        .or(c.tablesaw().apply(ax, ay.multiply(2)).flip(0, all.rowCount()));
                Table result = Reference.concat(RandomTables.example(), out);
                assertEquals(all.where(expected).doubleColumn("x").asList(), result.doubleColumn("x").asList(),
                        "seed " + seed + ", " + c.name());
            }
        }
    }

    @Test
    void whereWithAComparisonToANumberKeepsTheRowsTablesawKeepsOverTheConcatenatedData() {
        for (long seed = 0; seed < STREAMS; seed++) {
            List<Table> tables = new RandomTables(seed).stream();
            Table all = Reference.concat(RandomTables.example(), tables);
            Stream<Table> source = Stream.create();
            DataFrame sdf = DataFrame.of(source, RandomTables.example());
            Series k = sdf.column("k");
            List<Table> out = sdf.where(k.mod(2).eq(0).and(sdf.column("x").le(10))).stream().sinkToList();
            tables.forEach(source::emit);
            Selection expected = all.intColumn("k").remainder(2).isEqualTo(0).and(all.doubleColumn("x").isLessThanOrEqualTo(10));
            Table result = Reference.concat(RandomTables.example(), out);
            assertEquals(all.where(expected).doubleColumn("x").asList(), result.doubleColumn("x").asList(),
                    "seed " + seed);
        }
    }
}
