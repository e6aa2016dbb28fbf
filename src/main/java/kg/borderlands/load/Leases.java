package kg.borderlands.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The leases a running {@code serve} keeps on the build it serves: {@code <store>/leases/<pid>.json} =
 * {@code {"pid": <pid>, "build": "<name under builds/>", "url": "http://<host>:<port>/kg"}}. Pruning never
 * removes a build leased by a live process; leases of dead processes are removed.
 */
public final class Leases {
    public static final String DIR = "leases";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Leases() {}

    /**
     * The builds held by live processes, or empty if a live lease cannot be read (then nothing may be pruned).
     * Removes the leases of dead processes.
     */
    static Optional<Set<String>> liveBuilds(Path root, Consumer<String> notice) throws IOException {
        Path dir = root.resolve(DIR);
        Set<String> builds = new HashSet<>();
        if (!Files.isDirectory(dir)) return Optional.of(builds);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        boolean unreadable = false;
        for (Path f : files) {
            String name = f.getFileName().toString();
            long pid;
            try {
                pid = Long.parseLong(name.substring(0, name.length() - ".json".length()));
            } catch (NumberFormatException e) {
                continue; // not a lease
            }
            if (ProcessHandle.of(pid).isEmpty()) {
                Files.deleteIfExists(f);
                notice.accept("note: removed the lease of process " + pid + ", which is no longer running");
                continue;
            }
            try {
                JsonNode n = JSON.readTree(f.toFile());
                String build = n == null ? "" : n.path("build").asText("");
                if (build.isEmpty()) throw new IOException("no build named");
                builds.add(build);
            } catch (IOException | RuntimeException e) {
                notice.accept("warning: the lease " + f + " of running process " + pid
                        + " cannot be read; no old build is removed");
                unreadable = true;
            }
        }
        return unreadable ? Optional.empty() : Optional.of(builds);
    }
}
