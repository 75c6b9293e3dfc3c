/**
 * streamz for Java: {@link io.streamz.Stream} and its sources. Pipelines are built with operators
 * ({@code map}, {@code accumulate}, {@code zip}, {@code buffer}, ...) and fed with {@code emit}.
 */
package io.streamz;
