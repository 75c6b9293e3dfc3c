/**
 * Internal, unsupported: the local engine's sources ({@code Stream.fromIterable}, {@code
 * fromTextFile}, {@code filenames}) on one {@link io.streamz.local.internal.sources.AbstractSource}, which
 * streamz-kafka's sources extend too. Not an API: make sources with the static factories of
 * {@code io.streamz.Stream}. Names and behaviour here change without notice.
 */
package io.streamz.local.internal.sources;
