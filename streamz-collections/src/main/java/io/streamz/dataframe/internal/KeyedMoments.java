package io.streamz.dataframe.internal;

import io.streamz.collections.KeyedAccumulation;
import io.streamz.dataframe.state.GroupCell;
import tech.tablesaw.api.Table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A groupby-aggregation ({@link GroupMoments}) as a {@link KeyedAccumulation}, so that on a cluster
 * each group key's moments live on the server that owns the key. An element is a table (all
 * history) or a window's {@link WindowMoves.Moves}; its change to a key is the moments of that
 * key's new rows, then those of its rows leaving, applied in the order {@link GroupMoments} applies
 * them to its map, so the sums are the same to the last bit. A key whose rows all left is dropped.
 *
 * @param moments what is computed per key and how the result table looks
 * @param start   the moments per key before the first element (a state emitted earlier), or none
 */
public record KeyedMoments(GroupMoments moments, Map<List<Object>, GroupCell> start)
        implements KeyedAccumulation<Object, List<Object>, List<KeyedMoments.Signed>, GroupCell, Table> {

    /** Copies the start. */
    public KeyedMoments {
        start = start == null ? Map.of() : Map.copyOf(start);
    }

    /**
     * The moments of a key's rows in one block, added ({@code sign} 1) or taken back (-1).
     *
     * @param cell the moments
     * @param sign 1 for arriving rows, -1 for leaving ones
     */
    public record Signed(GroupCell cell, int sign) implements Serializable {
    }

    @Override
    public List<KeyedChange<List<Object>, List<Signed>>> changes(Object element) {
        WindowMoves.Moves moves;
        if (element instanceof Table table) {
            moves = WindowMoves.Moves.of(table);
        } else if (element instanceof WindowMoves.Moves windowMoves) {
            moves = windowMoves;
        } else {
            throw new IllegalArgumentException("a keyed groupby takes tables or window moves, got "
                    + element.getClass().getName());
        }
        Map<List<Object>, List<Signed>> perKey = new LinkedHashMap<>();
        add(perKey, moves.added(), 1);
        for (Table old : moves.old()) {
            add(perKey, old, -1);
        }
        List<KeyedChange<List<Object>, List<Signed>>> changes = new ArrayList<>(perKey.size());
        // ArrayList: a plain serializable list, the same bytes for the same key on every node.
        perKey.forEach((key, signed) -> changes.add(new KeyedChange<>(new ArrayList<>(key), signed)));
        return changes;
    }

    private void add(Map<List<Object>, List<Signed>> perKey, Table rows, int sign) {
        moments.cellsOf(rows).forEach((key, cell) ->
                perKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Signed(cell, sign)));
    }

    @Override
    public GroupCell empty() {
        return GroupMoments.emptyCell(moments.values().size());
    }

    /** As {@link GroupMoments}: block by block, and a key left with no rows starts from nothing again. */
    @Override
    public GroupCell apply(GroupCell state, List<Signed> change) {
        GroupCell cell = state;
        for (Signed signed : change) {
            cell = GroupMoments.plus(cell, signed.cell(), signed.sign());
            if (isEmpty(cell)) {
                cell = empty();
            }
        }
        return cell;
    }

    @Override
    public boolean isEmpty(GroupCell state) {
        return state.rows() <= 0;
    }

    @Override
    public Table result(Map<List<Object>, GroupCell> states) {
        return moments.result(states);
    }

    @Override
    public String toString() {
        return "keyed " + moments;
    }
}
