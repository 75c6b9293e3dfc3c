/** How the static factories of {@code Stream} find an engine; not for application code. */
package io.streamz.spi;
