package io.streamz.cluster;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds where a module's API hands out a type of an internal package: a public or protected
 * method, constructor or field of a public type of an API package whose signature (generics
 * included) names an internal type, or a public type with an internal ancestor (whose public
 * methods it hands out too). Used by the
 * wall tests of the modules (streamz-collections reaches it through streamz-cluster's test-jar);
 * it reads the compiled classes of the module under test, so it runs in that module's directory.
 */
public final class ApiWall {
    private final List<String> apiPackages;
    private final List<String> internalPrefixes;

    private ApiWall(List<String> apiPackages, List<String> internalPrefixes) {
        this.apiPackages = apiPackages;
        this.internalPrefixes = internalPrefixes;
    }

    /**
     * A wall between the given API packages (exactly these, not their subpackages) and the packages
     * whose names start with one of {@code internalPrefixes}.
     */
    public static ApiWall between(List<String> apiPackages, List<String> internalPrefixes) {
        return new ApiWall(List.copyOf(apiPackages), List.copyOf(internalPrefixes));
    }

    /**
     * Every leak of the API packages' public types compiled into {@code target/classes}, one line
     * each ("Frame.reduction returns ...ops.Moments"); empty when the wall holds. Fails when an API
     * package has no class, so that a moved directory cannot make the check pass vacuously.
     */
    public List<String> leaks() throws IOException, ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (String api : apiPackages) {
            List<Class<?>> types = publicTypesOf(api);
            if (types.isEmpty()) {
                throw new IllegalStateException("no public class of " + api + " under target/classes: is the package name right?");
            }
            for (Class<?> type : types) {
                leaks.addAll(leaksOf(type));
            }
        }
        return leaks;
    }

    private List<Class<?>> publicTypesOf(String api) throws IOException, ClassNotFoundException {
        Path dir = Path.of("target/classes", api.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names;
        try (var files = Files.list(dir)) {
            names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .map(name -> api + "." + name.substring(0, name.length() - ".class".length()))
                    .sorted().collect(Collectors.toList());
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (isVisible(type)) {
                types.add(type);
            }
        }
        return types;
    }

    /** Public, and if nested, nested only in public types (an anonymous or local class is not API). */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private List<String> leaksOf(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        String owner = type.getName().substring(type.getPackageName().length() + 1);
        // Every ancestor, not just the parent: an internal grandparent's public methods are the type's too.
        for (Class<?> ancestor = type; ancestor != null; ancestor = ancestor.getSuperclass()) {
            check(leaks, owner + " extends", ancestor.getGenericSuperclass());
            for (Type implemented : ancestor.getGenericInterfaces()) {
                check(leaks, owner + " implements", implemented);
            }
        }
        for (Class<?> declarer : declarers(type)) {
            leaks.addAll(memberLeaks(owner, type, declarer));
        }
        return leaks;
    }

    /**
     * {@code type} and its superclasses that are not public: their public members are {@code type}'s API
     * too (e.g. a package-private base of a public class), while a public superclass is checked as a
     * type of its own, or is flagged as an internal ancestor.
     */
    private static List<Class<?>> declarers(Class<?> type) {
        List<Class<?>> declarers = new ArrayList<>();
        declarers.add(type);
        for (Class<?> parent = type.getSuperclass(); parent != null && !Modifier.isPublic(parent.getModifiers());
             parent = parent.getSuperclass()) {
            declarers.add(parent);
        }
        return declarers;
    }

    /** The leaks in the members {@code declarer} declares, as members of {@code type} (named {@code owner}). */
    private List<String> memberLeaks(String owner, Class<?> type, Class<?> declarer) {
        List<String> leaks = new ArrayList<>();
        for (Method method : declarer.getDeclaredMethods()) {
            if (isReachable(method.getModifiers(), type) && !method.isSynthetic() && !method.isBridge()) {
                String where = owner + "." + method.getName();
                check(leaks, where + " returns", method.getGenericReturnType());
                for (Type parameter : method.getGenericParameterTypes()) {
                    check(leaks, where + " takes", parameter);
                }
                for (TypeVariable<?> variable : method.getTypeParameters()) {
                    check(leaks, where + " binds", variable);
                }
            }
        }
        if (declarer == type) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isReachable(constructor.getModifiers(), type) && !constructor.isSynthetic()) {
                    for (Type parameter : constructor.getGenericParameterTypes()) {
                        check(leaks, owner + "(...) takes", parameter);
                    }
                }
            }
        }
        for (Field field : declarer.getDeclaredFields()) {
            if (isReachable(field.getModifiers(), type) && !field.isSynthetic()) {
                check(leaks, owner + "." + field.getName() + " holds", field.getGenericType());
            }
        }
        return leaks;
    }

    /** Public members, and protected ones of a type a user can extend. */
    private static boolean isReachable(int modifiers, Class<?> owner) {
        return Modifier.isPublic(modifiers)
                || (Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers()));
    }

    private void check(List<String> leaks, String where, Type type) {
        Set<String> named = new HashSet<>();
        names(type, named, new HashSet<>());
        named.stream().filter(this::isInternal).sorted().forEach(name -> leaks.add(where + " " + name));
    }

    private boolean isInternal(String typeName) {
        return internalPrefixes.stream().anyMatch(typeName::startsWith);
    }

    /** The names of every class {@code type} mentions, through generics, arrays and bounds. */
    private static void names(Type type, Set<String> into, Set<TypeVariable<?>> seen) {
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            into.add(c.getName());
        } else if (type instanceof ParameterizedType p) {
            names(p.getRawType(), into, seen);
            if (p.getOwnerType() != null) {
                names(p.getOwnerType(), into, seen);
            }
            for (Type argument : p.getActualTypeArguments()) {
                names(argument, into, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                names(bound, into, seen);
            }
            for (Type bound : w.getLowerBounds()) {
                names(bound, into, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            names(a.getGenericComponentType(), into, seen);
        } else if (type instanceof TypeVariable<?> v && seen.add(v)) {
            for (Type bound : v.getBounds()) {
                names(bound, into, seen);
            }
        }
    }

    @Override
    public String toString() {
        return "API wall of " + apiPackages + " against " + internalPrefixes;
    }
}
