package io.streamz.cluster.internal.driver;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Function;

/**
 * Test doubles of Ignite's wide interfaces ({@code Ignite}, {@code IgniteCluster}...) that answer only
 * the methods a test names, by name, and fail on any other: a test that starts no node gives what
 * the code under test asks for and learns at once when it asks for more.
 */
final class Stubs {
    private Stubs() {
    }

    /** A {@code type} answering each method named in {@code answers} with its function of the arguments. */
    static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        Object stub = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "stub " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException("the stub " + type.getSimpleName() + " does not answer "
                        + method.getName() + ": add it to the test's answers");
            }
            return answer.apply(args == null ? new Object[0] : args);
        });
        return type.cast(stub);
    }
}
