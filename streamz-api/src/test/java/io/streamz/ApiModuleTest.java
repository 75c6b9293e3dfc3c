package io.streamz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On the module path streamz-api is the named module {@code io.streamz}: it exports every API package
 * to everyone and may look up the engine and the Kafka sink with {@link java.util.ServiceLoader}
 * (a named module that does not declare {@code uses} fails the lookup).
 */
class ApiModuleTest {

    @Test
    void theApiModuleExportsEachApiPackageToEveryoneAndUsesTheEngineAndKafkaSinkServices() throws IOException {
        ModuleDescriptor module;
        try (var in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }

        assertEquals("io.streamz", module.name());
        assertEquals(Set.of("io.streamz", "io.streamz.cluster", "io.streamz.function", "io.streamz.progress",
                "io.streamz.spi", "io.streamz.time"), module.exports().stream()
                .filter(exported -> !exported.isQualified()).map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertEquals(module.packages(), module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()),
                "a package of the API is not exported");
        assertEquals(Set.of("io.streamz.spi.StreamEngine", "io.streamz.spi.KafkaSinkProvider"), module.uses());
    }
}
