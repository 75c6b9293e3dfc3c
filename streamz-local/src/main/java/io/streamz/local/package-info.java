/**
 * Internal, unsupported: the local engine, found by {@code io.streamz.spi.StreamEngines} through
 * {@link java.util.ServiceLoader} ({@link io.streamz.local.LocalEngine}). Put streamz-local on the
 * class path (at run time is enough) and use {@code io.streamz.Stream}; nothing here is an API.
 */
package io.streamz.local;
