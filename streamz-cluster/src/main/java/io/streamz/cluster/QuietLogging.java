package io.streamz.cluster;

/**
 * Keeps Ignite's chatter out of the application's output unless the application configured it: the
 * {@code org.apache.ignite} logger at {@code error} (for slf4j-simple; other backends are configured
 * in their own files), Ignite logging through its logger rather than printing a banner, and no
 * update check over the network.
 */
final class QuietLogging {
    private QuietLogging() {
    }

    static void apply() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.apache.ignite", "error");
        System.getProperties().putIfAbsent("IGNITE_QUIET", "false");
        System.getProperties().putIfAbsent("IGNITE_UPDATE_NOTIFIER", "false");
    }
}
