package kg.borderlands.load;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes a store read-only for a test and restores it: permissions first; when they do not bind (running as
 * root, as in CI containers), the immutable attribute ({@code chattr +i}) on the store's directories and lock
 * file. Aborts the test (never passes it) if neither works on this file system.
 */
final class ReadOnly implements AutoCloseable {
    private final List<Path> immutable = new ArrayList<>();
    private final List<Path> chmodded = new ArrayList<>();

    static ReadOnly make(Path store) throws IOException, InterruptedException {
        ReadOnly ro = new ReadOnly();
        Path lock = store.resolve(StoreLock.FILE);
        if (!Files.exists(lock)) Files.createFile(lock);
        List<Path> targets = List.of(lock, store.resolve(StoreManager.BUILDS), store);
        for (Path p : targets) {
            Files.setPosixFilePermissions(p, Files.isDirectory(p)
                    ? Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE)
                    : Set.of(PosixFilePermission.OWNER_READ));
            ro.chmodded.add(p);
        }
        if (writable(lock)) {
            for (Path p : targets) {
                Process c = new ProcessBuilder("chattr", "+i", p.toString()).redirectErrorStream(true).start();
                if (c.waitFor() == 0) ro.immutable.add(p);
            }
        }
        if (writable(lock)) {
            ro.close();
            Assumptions.abort("cannot make a directory read-only here (neither permissions nor chattr bind)");
        }
        return ro;
    }

    private static boolean writable(Path f) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Path p : immutable) new ProcessBuilder("chattr", "-i", p.toString()).start().waitFor();
        for (Path p : chmodded) {
            Files.setPosixFilePermissions(p, Files.isDirectory(p)
                    ? Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)
                    : Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }
}
