package io.streamz.benchmarks.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleOutTableTest {
    @Test
    void oneRowPerClusterSizeWithEachWorkloadsRateSpeedUpServerCpuAndDriverCpu() {
        String table = ScaleOutTable.markdown(List.of(
                new Measurement("map", 1, 400.4, 49.6, 30),
                new Measurement("byKey", 1, 300, 48, 30),
                new Measurement("map", 2, 790, 49, 30),
                new Measurement("byKey", 2, 580, Double.NaN, 30),
                new Measurement("map", 3, 1_150, 50.2, 61.4),
                new Measurement("byKey", 3, 840, 47, 30)), 0.5);

        assertEquals("""
                | servers (`--cpus 0.5` each) | map, elements/s | × 1 server | server CPU (limit 50 %) | driver CPU \
                | byKey, elements/s | × 1 server | server CPU (limit 50 %) | driver CPU |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                | 1 | 400 | 1.00x | 50 % | 30 % | 300 | 1.00x | 48 % | 30 % |
                | 2 | 790 | 1.97x | 49 % | 30 % | 580 | 1.93x | – | 30 % |
                | 3 | 1,150 | 2.87x | 50 % | 61 % | 840 | 2.80x | 47 % | 30 % |
                """, table);
    }

    @Test
    void aSizeWithoutAFigureShowsADashAndSpeedUpsCountFromTheSmallestSizeMeasured() {
        String table = ScaleOutTable.markdown(List.of(
                new Measurement("map", 2, 800, 50, 30),
                new Measurement("map", 3, 1_000, 50, 30),
                new Measurement("byKey", 3, 900, 50, 30)), 1);

        assertEquals("""
                | servers (`--cpus 1` each) | map, elements/s | × 2 servers | server CPU (limit 100 %) | driver CPU \
                | byKey, elements/s | × 2 servers | server CPU (limit 100 %) | driver CPU |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                | 2 | 800 | 1.00x | 50 % | 30 % | – | – | – | – |
                | 3 | 1,000 | 1.25x | 50 % | 30 % | 900 | – | 50 % | 30 % |
                """, table);
    }

    @Test
    void nothingToTabulateIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ScaleOutTable.markdown(List.of(), 0.5));
    }
}
