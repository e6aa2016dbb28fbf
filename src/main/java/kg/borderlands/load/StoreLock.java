package kg.borderlands.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The store's load lock, {@code <store>/load.lock}: an operating-system lock on the file (released by the
 * kernel when its process dies, even by {@code kill -9}) whose content is the holder's pid, for the messages.
 * The file is emptied, never deleted, on release: a waiting process keeps locking the same file.
 */
public final class StoreLock implements AutoCloseable {
    public static final String FILE = "load.lock";
    private static final long POLL_MILLIS = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the store at {@code root}, waiting up to {@code wait} for another load to finish.
     *
     * @param notice receives one line when waiting, and one when a previous load died holding the lock
     * @throws StoreException BUSY after {@code wait}, READ_ONLY if the store cannot be written
     */
    public static StoreLock acquire(Path root, Duration wait, Consumer<String> notice) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(wait, "wait");
        Objects.requireNonNull(notice, "notice");
        Path file = root.resolve(FILE);
        FileChannel ch;
        try {
            Files.createDirectories(root);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw readOnly(root, "permission denied", e);
        } catch (FileSystemException e) {
            throw readOnly(root, e.getReason() == null ? "cannot create " + FILE : e.getReason(), e);
        }
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            boolean announced = false;
            while (true) {
                FileLock l = tryLock(ch);
                if (l != null) {
                    OptionalLong previous = holder(ch);
                    if (previous.isPresent() && previous.getAsLong() != ProcessHandle.current().pid()
                            && ProcessHandle.of(previous.getAsLong()).isEmpty()) {
                        notice.accept("note: a previous load (pid " + previous.getAsLong()
                                + ") stopped before it finished; its leftovers are removed");
                    }
                    writePid(ch);
                    return new StoreLock(ch, l);
                }
                String who = holder(ch).stream().mapToObj(p -> "pid " + p).findFirst().orElse("another process");
                if (System.nanoTime() >= deadline) {
                    ch.close();
                    throw new StoreException(StoreException.Kind.BUSY, "another load (" + who
                            + ") is building the store " + root + "; try again when it has finished");
                }
                if (!announced) {
                    notice.accept("waiting for the load of " + who + " to finish building " + root + " …");
                    announced = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            ch.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the store's lock", e);
        } catch (IOException | RuntimeException e) {
            if (ch.isOpen()) ch.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM (another thread's load)
        }
    }

    private static OptionalLong holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        int n = ch.read(buf, 0);
        if (n <= 0) return OptionalLong.empty();
        String s = new String(buf.array(), 0, n, StandardCharsets.US_ASCII).trim();
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void writePid(FileChannel ch) throws IOException {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
    }

    static StoreException readOnly(Path root, String reason, Throwable cause) {
        return new StoreException(StoreException.Kind.READ_ONLY, "the store " + root + " cannot be written ("
                + reason + "); give a writable --store DIR", cause);
    }

    @Override
    public synchronized void close() throws IOException {
        if (!channel.isOpen()) return;
        try {
            channel.truncate(0);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
