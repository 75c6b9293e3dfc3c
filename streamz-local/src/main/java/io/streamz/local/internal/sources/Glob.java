package io.streamz.local.internal.sources;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The paths Python's {@code glob.glob} finds for a pattern, as {@code filenames} uses it: {@code *},
 * {@code ?} and {@code [...]} in any path component, never across a {@code /}; a component starting
 * with {@code .} is matched only by a pattern component starting with {@code .}; a directory without
 * wildcards stands for {@code dir/*}; a pattern without wildcards matches that path if it exists.
 * Paths keep the form of the pattern (relative stays relative).
 */
final class Glob {
    private final String pattern;
    /** The leading components without wildcards: where the search starts. */
    private final Path base;
    /** The components after {@link #base}, at least one unless the pattern has no wildcard at all. */
    private final List<String> rest = new ArrayList<>();
    private final PathMatcher matcher;

    Glob(String globOrDir) {
        String glob = globOrDir;
        if (!hasWildcard(glob) && Files.isDirectory(Path.of(glob))) {
            glob = glob.endsWith("/") ? glob + "*" : glob + "/*";
        }
        this.pattern = glob;
        Path path = Path.of(glob);
        Path start = path.getRoot();
        boolean inRest = false;
        for (Path component : path) {
            String name = component.toString();
            inRest |= hasWildcard(name);
            if (inRest) {
                rest.add(name);
            } else {
                start = start == null ? component : start.resolve(component);
            }
        }
        this.base = start == null ? Path.of("") : start;
        this.matcher = rest.isEmpty() ? null
                : FileSystems.getDefault().getPathMatcher("glob:" + javaGlob(String.join("/", rest)));
    }

    /** The matching paths, sorted. */
    List<Path> matches() throws IOException {
        if (rest.isEmpty()) {
            return Files.exists(base) ? List.of(base) : List.of();
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(base, rest.size(), FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(this::matches).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private boolean matches(Path path) {
        Path relative = base.relativize(path);
        if (relative.getNameCount() != rest.size() || relative.toString().isEmpty() || !matcher.matches(relative)) {
            return false;
        }
        for (int i = 0; i < rest.size(); i++) {
            if (relative.getName(i).toString().startsWith(".") && !rest.get(i).startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }

    /** Python's glob syntax in Java's: braces and backslashes are plain characters in Python. */
    private static String javaGlob(String pythonGlob) {
        StringBuilder glob = new StringBuilder();
        for (char c : pythonGlob.toCharArray()) {
            if (c == '{' || c == '}' || c == '\\') {
                glob.append('\\');
            }
            glob.append(c);
        }
        return glob.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
