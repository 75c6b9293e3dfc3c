package io.streamz.spi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** streamz-api's own tests run without streamz-kafka on the class path, as an application that forgot it. */
class KafkaSinkProvidersTest {
    @Test
    void withoutTheKafkaModuleToKafkaSaysWhichDependencyToAdd() {
        IllegalStateException error = assertThrows(IllegalStateException.class, KafkaSinkProviders::provider);

        assertTrue(error.getMessage().contains("io.streamz:streamz-kafka"), error.getMessage());
    }
}
