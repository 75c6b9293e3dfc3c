/**
 * For modules that extend streamz, not for application code: how the static factories of
 * {@code Stream} find an engine ({@link io.streamz.spi.StreamEngine}) and {@code toKafka} its module
 * ({@link io.streamz.spi.KafkaSinkProvider}), and the small pieces every module that builds
 * operators shares: argument {@link io.streamz.spi.Checks}, {@link io.streamz.spi.FunctionNames}
 * for {@code toString()}, {@link io.streamz.spi.RepeatedErrors} for the log. Stable within a release.
 */
package io.streamz.spi;
