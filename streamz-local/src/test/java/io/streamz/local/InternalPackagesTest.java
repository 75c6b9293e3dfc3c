package io.streamz.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * streamz-local has no API of its own (users compile against streamz-api): every package says it is
 * internal, and no operator node can be built past the argument checks of {@code Stream}'s methods.
 */
class InternalPackagesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/streamz/local");

    @Test
    void everyPackageOfTheEngineSaysItIsInternal() throws IOException {
        List<Path> packages;
        try (var walk = Files.walk(SOURCES)) {
            packages = walk.filter(Files::isDirectory).filter(InternalPackagesTest::holdsCode).collect(Collectors.toList());
        }

        for (Path dir : packages) {
            assertTrue(dir.equals(SOURCES) || dir.startsWith(SOURCES.resolve("internal")),
                    dir + " is not under io.streamz.local.internal: only the engine's entry may live outside it");
            Path info = dir.resolve("package-info.java");
            assertTrue(Files.exists(info), dir + " has no package-info saying it is internal");
            assertTrue(Files.readString(info).contains("Internal, unsupported"), info + " does not say it is internal");
        }
    }

    /** Whether {@code dir} is a package: it holds Java files (a folder such as {@code internal/} may only hold packages). */
    private static boolean holdsCode(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onTheModulePathTheEngineExportsNothingToUsersOnlyItsInternalsToTheStreamzModulesBuiltOnThem() throws IOException {
        ModuleDescriptor module;
        try (var in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }

        assertEquals("io.streamz.local", module.name());
        for (ModuleDescriptor.Exports exported : module.exports()) {
            assertTrue(exported.isQualified(), exported + " is open to every module");
            assertTrue(exported.targets().stream().allMatch(target -> target.startsWith("io.streamz.")), exported.toString());
        }
        assertEquals(Set.of("io.streamz.local.LocalEngine"), module.provides().stream()
                .filter(provided -> provided.service().equals("io.streamz.spi.StreamEngine"))
                .flatMap(provided -> provided.providers().stream()).collect(Collectors.toSet()));
    }

    @Test
    void noOperatorNodeCanBeBuiltOutsideItsPackage() throws IOException, ClassNotFoundException {
        List<String> open = new ArrayList<>();
        try (var files = Files.list(Path.of("target/classes/io/streamz/local/internal/ops"))) {
            for (Path file : files.collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.equals("package-info.class")) {
                    continue;
                }
                Class<?> type = Class.forName("io.streamz.local.internal.ops." + name.substring(0, name.length() - ".class".length()));
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                for (Constructor<?> constructor : type.getConstructors()) {
                    open.add(constructor.toString());
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers())) {
                        open.add(method.toString());
                    }
                }
            }
        }

        // MapAsyncNode is public for streamz-kafka's sink, which extends it: its constructor is protected.
        assertEquals(List.of(), open, "public ways to build a node without Stream's checks");
    }
}
