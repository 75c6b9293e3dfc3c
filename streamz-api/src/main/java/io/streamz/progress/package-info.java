/**
 * Progress lines for long runs (elements done, rate now and overall), as the main job and the
 * benchmarks print them; in the API module so that an application needs no engine type to use it.
 */
package io.streamz.progress;
