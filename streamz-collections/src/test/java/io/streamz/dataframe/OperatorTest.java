package io.streamz.dataframe;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Comparisons, floor division, modulo, power and boolean logic, with the values pandas 1.5.3 gives
 * for the same data (NaN, zero divisors and negative operands included).
 */
class OperatorTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private final Stream<Table> source = Stream.create();
    private final DataFrame sdf = DataFrame.of(source, pair(new double[0], new double[0]));

    private static Table pair(double[] a, double[] b) {
        return Table.create("pair", DoubleColumn.create("a", a), DoubleColumn.create("b", b));
    }

    /** pandas: a = [1, -1, 0, nan, 7, -7, 1, 5, 1, nan], b = [0, 0, 0, 2, 2, 2, 0.1, -3, nan, 0]. */
    private static final double[] A = {1, -1, 0, NAN, 7, -7, 1, 5, 1, NAN};
    private static final double[] B = {0, 0, 0, 2, 2, 2, 0.1, -3, NAN, 0};

    private double[] emitAndGet(Series series) {
        List<Table> out = series.stream().sinkToList();
        source.emit(pair(A, B));
        return out.get(0).doubleColumn(series.name()).asDoubleArray();
    }

    private List<Boolean> emitAndGetBooleans(Series series) {
        List<Table> out = series.stream().sinkToList();
        source.emit(pair(A, B));
        return out.get(0).booleanColumn(series.name()).asList();
    }

    @Test
    void floorDivisionBetweenColumnsIsPythonsWithInfinityForAZeroDivisor() {
        assertArrayEquals(new double[]{INF, -INF, NAN, NAN, 3, -4, 9, -2, NAN, NAN},
                emitAndGet(sdf.column("a").floorDivide(sdf.column("b"))), 0);
    }

    @Test
    void moduloBetweenColumnsHasTheSignOfTheDivisorAndIsNanForZero() {
        assertArrayEquals(new double[]{NAN, NAN, NAN, NAN, 1, 1, 0.09999999999999995, -1, NAN, NAN},
                emitAndGet(sdf.column("a").mod(sdf.column("b"))), 1e-15);
    }

    @Test
    void powerBetweenColumnsGivesOneForABaseOfOneOrAnExponentOfZeroEvenWithNan() {
        assertArrayEquals(new double[]{1, 1, 1, NAN, 49, 49, 1, 0.008, 1, 1},
                emitAndGet(sdf.column("a").pow(sdf.column("b"))), 1e-15);
    }

    @Test
    void floorDivisionAndModuloByANumberFollowPython() {
        List<Table> divided = sdf.floorDivide(-3).stream().sinkToList();
        List<Table> modulo = sdf.mod(-3).stream().sinkToList();
        source.emit(pair(new double[]{5, -5, 0, NAN}, new double[]{1, 2, 3, 4}));
        assertArrayEquals(new double[]{-2, 1, -0.0, NAN}, divided.get(0).doubleColumn("a").asDoubleArray(), 0);
        assertArrayEquals(new double[]{-1, -2, -0.0, NAN}, modulo.get(0).doubleColumn("a").asDoubleArray(), 0);
        assertArrayEquals(new double[]{-2, -1, -0.0, -2}, modulo.get(0).doubleColumn("b").asDoubleArray(), 0);
    }

    @Test
    void powerOfANumberGivesOneForAMissingValueToThePowerZeroAsPandas() {
        List<Table> out = sdf.pow(0).stream().sinkToList();
        source.emit(pair(new double[]{NAN, 2}, new double[]{1, NAN}));
        assertEquals(List.of(1.0, 1.0), out.get(0).doubleColumn("a").asList());
    }

    @Test
    void comparisonsBetweenColumnsAreFalseForNanExceptNotEqual() {
        assertEquals(List.of(true, false, false, false, true, false, true, true, false, false),
                emitAndGetBooleans(sdf.column("a").gt(sdf.column("b"))));
        assertEquals(List.of(true, true, false, true, true, true, true, true, true, true),
                emitAndGetBooleans(sdf.column("a").ne(sdf.column("b"))));
    }

    @Test
    void comparisonsWithANumberGiveBooleanColumnsForEveryValueColumn() {
        DataFrame compared = sdf.ge(1);
        assertEquals(List.of("BOOLEAN", "BOOLEAN"), compared.dtypes().stream().map(t -> t.name()).toList());
        List<Table> out = compared.stream().sinkToList();
        List<Table> equal = sdf.column("a").eq(1).stream().sinkToList();
        source.emit(pair(A, B));
        assertEquals(List.of(true, false, false, false, true, false, true, true, true, false),
                out.get(0).booleanColumn("a").asList());
        assertEquals(List.of(true, false, false, false, false, false, true, false, true, false),
                equal.get(0).booleanColumn("a").asList());
    }

    @Test
    void whereWithABooleanSeriesOfTheSameFrameKeepsItsTrueRowsInEveryTable() {
        Series a = sdf.column("a");
        Series b = sdf.column("b");
        DataFrame kept = sdf.where(a.gt(b).or(a.lt(0).and(b.gt(1))).and(a.ne(7)));
        List<Table> out = kept.stream().sinkToList();
        source.emit(pair(A, B));
        source.emit(pair(new double[]{3, 1}, new double[]{1, 3}));
        // a > b: rows 0, 4, 6, 7; a < 0 and b > 1: row 5; a != 7 drops row 4.
        assertEquals(Arrays.asList(1.0, -7.0, 1.0, 5.0), out.get(0).doubleColumn("a").asList());
        assertEquals(List.of(3.0), out.get(1).doubleColumn("a").asList());
    }

    @Test
    void notNegatesABooleanSeriesAndKeepsMissingValuesMissing() {
        Stream<Table> flags = Stream.create();
        Series flag = DataFrame.of(flags, Table.create("f", BooleanColumn.create("f"))).column("f");
        List<Table> out = flag.not().stream().sinkToList();
        BooleanColumn input = BooleanColumn.create("f", 3);
        input.set(0, true);
        input.set(1, false);
        flags.emit(Table.create("f", input));
        assertEquals(Arrays.asList(false, true, null), out.get(0).booleanColumn("f").asList());
    }

    @Test
    void andOrCountAMissingBooleanAsFalseAsPandasDoes() {
        Stream<Table> flags = Stream.create();
        DataFrame frame = DataFrame.of(flags, Table.create("f", BooleanColumn.create("p"), BooleanColumn.create("q")));
        List<Table> and = frame.column("p").and(frame.column("q")).stream().sinkToList();
        List<Table> or = frame.column("p").or(frame.column("q")).stream().sinkToList();
        BooleanColumn p = BooleanColumn.create("p", 3);
        BooleanColumn q = BooleanColumn.create("q", 3);
        p.set(0, true);
        q.set(0, true);
        q.set(1, true);
        p.set(2, false);
        flags.emit(Table.create("f", p, q));
        // pandas, object dtype: [True, None, False] & [True, True, None] is [True, False, False]; | is the same.
        assertEquals(List.of(true, false, false), and.get(0).booleanColumn("p").asList());
        assertEquals(List.of(true, true, false), or.get(0).booleanColumn("p").asList());
    }

    @Test
    void integerColumnsDivideAsFloatsLikePandas() {
        Stream<Table> ints = Stream.create();
        DataFrame frame = DataFrame.of(ints, Table.create("i", IntColumn.create("i"), IntColumn.create("j")));
        List<Table> out = frame.column("i").floorDivide(frame.column("j")).stream().sinkToList();
        ints.emit(Table.create("i", IntColumn.create("i", 5, -5, 0, 7), IntColumn.create("j", 0, 0, 0, 2)));
        assertArrayEquals(new double[]{INF, -INF, NAN, 3}, out.get(0).doubleColumn("i").asDoubleArray(), 0);
    }

    @Test
    void combiningColumnsOfDifferentFramesFailsWhenBuiltSayingToTakeThemFromOneFrame() {
        Series other = DataFrame.of(Stream.create(), pair(new double[0], new double[0])).column("b");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sdf.column("a").gt(other));
        assertTrue(error.getMessage().contains("same frame"), error.getMessage());
        Series cumulative = sdf.cumsum().column("b");
        assertThrows(IllegalArgumentException.class, () -> sdf.where(cumulative.gt(0)));
    }

    @Test
    void combiningAColumnWithAFilteredOneFailsTheEmitSayingTheRowsDoNotPair() {
        Series filtered = sdf.where(t -> t.doubleColumn("a").isGreaterThan(0)).column("a");
        List<Table> out = new ArrayList<>();
        filtered.gt(sdf.column("b")).stream().sink(out::add);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.emit(pair(A, B)));
        assertTrue(error.getMessage().contains("cannot pair"), error.getMessage());
    }

    @Test
    void comparingANonNumericColumnOrNegatingANonBooleanOneFailsWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> sdf.not());
        assertThrows(IllegalArgumentException.class, () -> sdf.where(sdf.column("a")));
        DataFrame people = DataFrame.of(Stream.create(), DataFrameTest.people());
        assertThrows(IllegalArgumentException.class, () -> people.column("name").gt(1));
    }
}
