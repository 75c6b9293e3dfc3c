/**
 * The states of the built-in aggregations, which a stream emits with {@code aggregateWithState} (or
 * {@code meanWithState}) and another stream resumes from ({@code aggregate(..., start)}, streamz's
 * {@code start=}): plain serializable values, each readable and buildable by hand. A state is never
 * changed in place by the stream that emitted it, so it may be kept and handed to several streams;
 * the arrays a state holds are its own, so do not change them after handing it over.
 */
package io.streamz.dataframe.state;
