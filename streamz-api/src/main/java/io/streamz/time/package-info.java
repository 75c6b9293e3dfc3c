/** Time for the time-based operators: the {@code Scheduler} and a virtual one for tests. */
package io.streamz.time;
