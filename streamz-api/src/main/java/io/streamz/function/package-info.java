/**
 * Functional interfaces: {@code Function3}/{@code Function4} for local {@code starmap}, and the
 * serializable {@code *Ex} interfaces whose lambdas travel to cluster nodes.
 */
package io.streamz.function;
