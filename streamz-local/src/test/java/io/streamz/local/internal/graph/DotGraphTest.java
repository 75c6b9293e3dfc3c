package io.streamz.local.internal.graph;

import io.streamz.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DotGraphTest {
    @Test
    void describesTheWholeConnectedGraphFromAnyNode() {
        Stream<Integer> source = Stream.create("numbers");
        Stream<Integer> incremented = source.map(x -> x + 1).named("inc");
        incremented.buffer(10).sink(x -> { });
        source.rateLimit(Duration.ofMillis(10)).sinkToList();

        String expected = """
                digraph streamz {
                  n0 [label="<map: inc>", shape=ellipse, style="rounded,filled", fillcolor=white];
                  n1 [label="<Stream: numbers>", shape=ellipse, style="rounded,filled", fillcolor=white];
                  n2 [label="<buffer: 10>", shape=diamond, style="rounded,filled", fillcolor=white];
                  n3 [label="<rate_limit: 0.01>", shape=octagon, style="rounded,filled", fillcolor=white];
                  n4 [label="<sink>", shape=trapezium, style="rounded,filled", fillcolor=white];
                  n5 [label="<sink_to_list>", shape=trapezium, style="rounded,filled", fillcolor=white];
                  n0 -> n2;
                  n1 -> n0 [label="0"];
                  n1 -> n3 [label="1"];
                  n2 -> n4;
                  n3 -> n5;
                }
                """;
        assertEquals(expected, incremented.toDot());
    }

    @Test
    void quotesLabelsSafely() {
        Stream<Integer> source = Stream.create("say \"hi\" \\ bye");
        assertTrue(source.toDot().contains("label=\"<Stream: say \\\"hi\\\" \\\\ bye>\""), source.toDot());
    }

    @Test
    void visualizeWritesDotTextForDotAndGvFiles(@TempDir Path dir) throws IOException {
        Stream<Integer> source = Stream.create("numbers");
        source.map(x -> x).sinkToList();
        for (String name : new String[] {"graph.dot", "graph.gv"}) {
            Path file = source.visualize(dir.resolve(name));
            assertEquals(source.toDot(), Files.readString(file));
        }
    }

    @Test
    void visualizeWithoutAnExtensionSaysWhatToDo(@TempDir Path dir) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Stream.create().visualize(dir.resolve("graph")));
        assertTrue(error.getMessage().contains(".dot"), error.getMessage());
    }

    @Test
    void dotIsLookedUpOnThePath(@TempDir Path dir) throws IOException {
        assertEquals(Optional.empty(), Graphviz.findDot(dir.toString()));
        assertEquals(Optional.empty(), Graphviz.findDot(null));
        Path dot = Files.createFile(dir.resolve("dot"));
        assertEquals(Optional.empty(), Graphviz.findDot(dir.toString()), "not executable");
        assertTrue(dot.toFile().setExecutable(true));
        assertEquals(Optional.of(dot), Graphviz.findDot("/nonexistent" + java.io.File.pathSeparator + dir));
    }

    @Test
    void renderingWithoutGraphvizSaysToInstallIt(@TempDir Path dir) {
        Path emptySearchPath = dir.resolve("bin");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Graphviz.visualize(Stream.create(), dir.resolve("graph.png"), emptySearchPath.toString()));
        assertTrue(error.getMessage().contains("apt-get install graphviz"), error.getMessage());
        assertFalse(Files.exists(dir.resolve("graph.png")));
    }

    @Test
    void rendersSvgWithGraphviz(@TempDir Path dir) throws IOException {
        assumeTrue(Graphviz.findDot(System.getenv("PATH")).isPresent(), "Graphviz is not installed here");
        Stream<Integer> source = Stream.create("numbers");
        source.map(x -> x).sinkToList();
        Path svg = source.visualize(dir.resolve("graph.svg"));
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void aFormatGraphvizDoesNotKnowFailsWithItsMessage(@TempDir Path dir) {
        assumeTrue(Graphviz.findDot(System.getenv("PATH")).isPresent(), "Graphviz is not installed here");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Stream.create().visualize(dir.resolve("graph.nosuchformat")));
        assertTrue(error.getMessage().contains("nosuchformat"), error.getMessage());
    }
}
