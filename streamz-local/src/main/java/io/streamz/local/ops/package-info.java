/**
 * Internal, unsupported: the local engine's operators, one {@code *Node} class each. Not an API.
 * Names, constructors and behaviour here change without notice.
 *
 * <p>Build streams with {@code io.streamz.Stream} and its operator methods instead: they check their
 * arguments (null functions, negative sizes, foreign streams) and give clear errors, which the
 * constructors here skip; a node built directly may fail late or in confusing ways. The classes
 * stay public only because the operator methods live in {@code io.streamz.local.core} and
 * {@code streamz-kafka} extends {@link io.streamz.local.ops.MapAsyncNode}, until they move to a
 * package named as internal (RxJava's {@code internal}, Jet's {@code impl}; issue 13).
 */
package io.streamz.local.ops;
