/**
 * The local engine of streamz: nothing here is an API. {@code io.streamz.spi.StreamEngines} finds
 * {@link io.streamz.local.LocalEngine} through {@link java.util.ServiceLoader}; users program
 * against module {@code io.streamz} (streamz-api) only. The engine's internals are exported only to
 * the streamz modules built on them (they are automatic modules, so the names are their
 * {@code Automatic-Module-Name}s).
 */
module io.streamz.local {
    requires io.streamz;

    provides io.streamz.spi.StreamEngine with io.streamz.local.LocalEngine;

    exports io.streamz.local.internal.core to io.streamz.cluster.ignite, io.streamz.kafka, io.streamz.dashboard;
    exports io.streamz.local.internal.graph to io.streamz.cluster.ignite, io.streamz.dashboard;
    exports io.streamz.local.internal.ops to io.streamz.cluster.ignite, io.streamz.kafka;
    exports io.streamz.local.internal.sources to io.streamz.kafka;
}
