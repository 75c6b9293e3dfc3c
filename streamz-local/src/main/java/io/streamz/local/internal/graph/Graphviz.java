package io.streamz.local.internal.graph;

import io.streamz.Stream;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code visualize(file)}: writes {@link DotGraph#toDot} as text for {@code .dot}/{@code .gv}; for any
 * other extension ({@code .svg}, {@code .png}, {@code .pdf}...) runs Graphviz's {@code dot -T<ext>}
 * found on the {@code PATH}, as streamz's {@code visualize} renders through Graphviz.
 */
public final class Graphviz {
    private Graphviz() {
    }

    public static Path visualize(Stream<?> start, Path file) {
        return visualize(start, file, System.getenv("PATH"));
    }

    /** {@link #visualize(Stream, Path)} looking for {@code dot} in {@code searchPath} (tests pass their own). */
    static Path visualize(Stream<?> start, Path file, String searchPath) {
        String extension = extension(file);
        String dot = DotGraph.toDot(start);
        try {
            if (extension.equals("dot") || extension.equals("gv")) {
                Files.writeString(file, dot, StandardCharsets.UTF_8);
                return file;
            }
            Path program = findDot(searchPath).orElseThrow(() -> new IllegalStateException(
                    "visualize(" + file + ") needs Graphviz's dot program on the PATH to render ." + extension
                            + ": install Graphviz (e.g. apt-get install graphviz) or write a .dot file instead"));
            render(program, extension, dot, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("visualize: cannot write " + file, e);
        }
    }

    /** The {@code dot} executable in one of the directories of {@code path}. */
    static Optional<Path> findDot(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void render(Path program, String format, String dot, Path file) throws IOException {
        Process process = new ProcessBuilder(program.toString(), "-T" + format, "-o", file.toString())
                .redirectErrorStream(true)
                .start();
        IOException notRead = null;
        try (OutputStream input = process.getOutputStream()) {
            input.write(dot.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            notRead = e;  // dot quit before reading (e.g. an unknown format): its exit says why
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Graphviz's dot failed to render " + file + " (exit " + exit + "): "
                        + output.strip());
            }
            if (notRead != null) {
                throw notRead;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("interrupted while Graphviz rendered " + file, e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            throw new IllegalArgumentException("visualize(" + file + "): give the file an extension: "
                    + ".dot or .gv for DOT text, .svg or .png to render with Graphviz");
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
