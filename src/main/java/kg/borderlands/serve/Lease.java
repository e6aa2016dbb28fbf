package kg.borderlands.serve;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The lease a running {@code serve} holds on the build it serves, so that {@code load} (another process) never
 * deletes it: {@code <store>/leases/<pid>.json} = {@code {"pid": …, "build": "<directory under builds/>",
 * "url": "http://host:port/kg"}}, written atomically (temporary file, then move), rewritten on every reload and
 * deleted on a clean shutdown. A lease whose pid is no longer alive is stale and ignored by {@code load}.
 */
public final class Lease {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final long pid = ProcessHandle.current().pid();
    private final String url;

    public Lease(Path storeRoot, String url) {
        this.file = Objects.requireNonNull(storeRoot, "storeRoot").resolve("leases").resolve(pid + ".json");
        this.url = Objects.requireNonNull(url, "url");
    }

    public Path file() {
        return file;
    }

    /** Records that this process serves {@code build}. */
    public synchronized void write(String build) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", pid);
        m.put("build", build);
        m.put("url", url);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(pid + ".json.tmp");
        Files.write(tmp, JSON.writeValueAsBytes(m));
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Gives the lease up (clean shutdown). */
    public synchronized void release() throws IOException {
        Files.deleteIfExists(file);
    }
}
