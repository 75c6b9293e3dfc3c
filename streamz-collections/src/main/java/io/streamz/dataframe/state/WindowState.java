package io.streamz.dataframe.state;

import tech.tablesaw.api.Table;

import java.io.Serializable;
import java.util.List;

/**
 * The state of a windowed aggregation ({@code Window.aggregateWithState},
 * {@code GroupBy.aggregateWindowWithState}): the blocks of rows in the window and the
 * aggregation's state over them.
 *
 * @param kept        the rows in the window, oldest first (none for all history)
 * @param aggregation the aggregation's state
 * @param <S>         the aggregation's state type
 */
public record WindowState<S>(List<Table> kept, S aggregation) implements Serializable {
}
