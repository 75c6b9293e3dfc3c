package io.streamz.docker;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The server node image, built once per test JVM from this build's {@code target/docker}, so the nodes
 * in containers run the very jars (and Ignite version) the tests run. Tagged like
 * {@code scripts/build-images.sh} tags it, so {@code docker-compose.yml} then runs the same image.
 */
final class ServerImage {

    static final String NAME = "streamz/ignite-server:latest";

    private static String built;

    private ServerImage() {
    }

    /**
     * Builds the image on first use and returns its name. Without Docker the calling test fails when the
     * environment variable {@code CI} is {@code true}, and is skipped otherwise.
     */
    static synchronized String name() {
        requireDocker();
        if (built == null)
            built = build();
        return built;
    }

    private static void requireDocker() {
        if (DockerClientFactory.instance().isDockerAvailable())
            return;
        String why = "No Docker engine answers, so the Docker integration tests cannot run"
            + " (.ci/run installs and starts one).";
        if ("true".equalsIgnoreCase(System.getenv("CI")))
            fail(why + " CI=true: failing instead of skipping.");
        assumeTrue(false, why + " Skipped because CI is not true.");
    }

    private static String build() {
        Path context = Path.of(System.getProperty("streamz.docker.context", "target/docker"));
        String baseImage = System.getProperty("streamz.docker.base.image", "streamz/jre:17");
        if (!Files.isDirectory(context.resolve("lib")))
            fail(context.resolve("lib") + " is missing: `mvn package` fills it, run the ITs with `mvn verify`.");
        try {
            return new ImageFromDockerfile(NAME, false)
                .withFileFromPath(".", context)
                .withBuildArg("BASE_IMAGE", baseImage)
                .get();
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not build " + NAME + " from " + context + " on " + baseImage
                + ". The base image must be local or pullable; docker/scripts/build-images.sh --base-only"
                + " makes streamz/jre:17 without a registry.", e);
        }
    }
}
