package io.streamz.cluster.internal.stream;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, when a cluster operator is built, that its function can travel to the servers: an
 * embedded cluster may never serialize it, so a mistake would otherwise show only on a real one.
 */
final class Serializability {
    private Serializability() {
    }

    /** @throws IllegalArgumentException naming what the function captured when it cannot be serialized */
    static <F> F require(F function, String what) {
        if (function == null) {
            throw new NullPointerException(what + " must not be null");
        }
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(function);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not serializable, so it cannot be sent to the cluster: "
                    + describe(function) + " (" + e + "). Capture only serializable values, e.g. copy a field into a local variable.", e);
        }
        return function;
    }

    /** What the function holds: for a lambda, the classes of its captured arguments. */
    private static String describe(Object function) {
        SerializedLambda lambda = serializedLambda(function);
        if (lambda == null) {
            return function.getClass().getName() + " or one of its fields is not serializable";
        }
        List<String> captured = new ArrayList<>();
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            Object arg = lambda.getCapturedArg(i);
            captured.add(arg == null ? "null" : arg.getClass().getName());
        }
        return "the lambda in " + lambda.getCapturingClass().replace('/', '.') + " captures " + captured;
    }

    private static SerializedLambda serializedLambda(Object function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(function) instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
