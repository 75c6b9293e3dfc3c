package io.streamz.spi;

import java.util.ServiceLoader;

/** Finds the {@link KafkaSinkProvider} once, or says which module to add. */
public final class KafkaSinkProviders {
    private static volatile KafkaSinkProvider provider;

    private KafkaSinkProviders() {
    }

    /**
     * The provider on the class path.
     *
     * @throws IllegalStateException when module streamz-kafka is not on the class path, saying to add it
     */
    public static KafkaSinkProvider provider() {
        KafkaSinkProvider found = provider;
        if (found == null) {
            found = ServiceLoader.load(KafkaSinkProvider.class, KafkaSinkProviders.class.getClassLoader())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "toKafka needs the Kafka module on the class path: add the dependency io.streamz:streamz-kafka"));
            provider = found;
        }
        return found;
    }
}
