/**
 * The streamz API: {@code Stream} and what it hands out, the functions it takes, and the SPI through
 * which it finds an engine ({@code StreamEngine}) and a Kafka sink ({@code KafkaSinkProvider}) with
 * {@link java.util.ServiceLoader}. Usable on the module path with the local engine (module
 * {@code io.streamz.local}); the cluster engine (streamz-cluster) puts its {@code IgniteCluster} in
 * this module's package {@code io.streamz.cluster}, so a cluster driver runs on the class path.
 */
module io.streamz {
    requires org.slf4j;

    exports io.streamz;
    exports io.streamz.cluster;
    exports io.streamz.function;
    exports io.streamz.progress;
    exports io.streamz.spi;
    exports io.streamz.time;

    uses io.streamz.spi.StreamEngine;
    uses io.streamz.spi.KafkaSinkProvider;
}
