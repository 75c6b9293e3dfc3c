package io.streamz.dataframe;

import io.streamz.collections.Pipeline;
import io.streamz.function.BiFunctionEx;
import io.streamz.function.FunctionEx;
import tech.tablesaw.api.Table;

/**
 * How a frame's tables are computed, table by table, from the tables of an earlier frame, its
 * base: {@code sdf.column("x").gt(1)} is {@code select x, then compare} of each table of
 * {@code sdf}. Two frames of the same base can be combined row by row ({@code sdf.x > sdf.y},
 * {@code sdf.where(sdf.x > 1)}) by one {@code map} over the base, since a table of one and the
 * matching table of the other come from the same base table; that map runs the per-table steps
 * of both sides again (they are cheap: selections, element-wise arithmetic). Pairing the elements
 * of two separate streams would need a zip, which is not a map or an accumulate and so has no
 * place in a pipeline that {@code runOn} replays on the cluster.
 *
 * <p>Every frame starts a lineage of its own; per-table operations ({@code derive}) extend it;
 * running aggregations end it (their result is a new base).
 *
 * @param base the pipeline whose tables the function takes
 * @param rows the per-table function from a base table to this frame's table
 */
record FrameLineage(Pipeline<Table> base, FunctionEx<Table, Table> rows) {
    /** A frame's own lineage: its pipeline, and each table as it is. */
    static FrameLineage of(Pipeline<Table> pipeline) {
        return new FrameLineage(pipeline, table -> table);
    }

    /** The pipeline of the frame this lineage describes: {@code rows} of each table of the base. */
    Pipeline<Table> pipeline() {
        return base.map(rows);
    }

    /** This lineage followed by {@code f} on each table. */
    FrameLineage then(FunctionEx<Table, Table> f) {
        FunctionEx<Table, Table> first = rows;
        return new FrameLineage(base, table -> f.apply(first.apply(table)));
    }

    /**
     * Fails unless {@code other} has the same base, so that their tables pair up.
     *
     * @throws IllegalArgumentException saying how to get frames that pair up
     */
    void requireSameBase(FrameLineage other, String operation) {
        if (base != other.base) {
            throw new IllegalArgumentException(operation + " combines columns of the same frame, table by table: "
                    + "take both from one frame, e.g. sdf.column(\"x\") and sdf.column(\"y\"), without a "
                    + "running aggregation between the frame and either column");
        }
    }

    /**
     * The lineage of a frame whose table is {@code pair} of this lineage's table and {@code other}'s,
     * both computed from the same base table (one {@code map} over the base runs both sides' steps).
     *
     * @throws IllegalArgumentException unless {@code other} has the same base, naming {@code operation}
     */
    FrameLineage pairedWith(FrameLineage other, String operation, BiFunctionEx<Table, Table, Table> pair) {
        requireSameBase(other, operation);
        FunctionEx<Table, Table> mine = rows;
        FunctionEx<Table, Table> theirs = other.rows;
        return new FrameLineage(base, table -> pair.apply(mine.apply(table), theirs.apply(table)));
    }
}
