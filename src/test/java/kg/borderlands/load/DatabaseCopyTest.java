package kg.borderlands.load;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The base of an incremental build ({@link DatabaseCopy}): the previous build's database copied byte for byte (its
 * blocks of zeros as holes, its lock file left out) and every file of the previous build verified against its
 * manifest on the way; a changed byte anywhere is a damaged base.
 */
class DatabaseCopyTest {
    @TempDir
    Path tmp;
    private Path previous;
    private BuildManifest manifest;

    @BeforeEach
    void previousBuild() throws IOException {
        previous = tmp.resolve("builds/previous");
        Path data = previous.resolve("tdb/Data-0001");
        Files.createDirectories(data);
        byte[] dat = new byte[3 << 20];   // data, a megabyte of zeros in the middle, a zero tail not a block long
        new Random(1).nextBytes(dat);
        java.util.Arrays.fill(dat, 1 << 20, 2 << 20, (byte) 0);
        java.util.Arrays.fill(dat, dat.length - 1000, dat.length, (byte) 0);
        Files.write(data.resolve("SPO.dat"), dat);
        Files.write(data.resolve("SPO.idn"), new byte[2 << 20]);   // zeros only
        Files.writeString(data.resolve("nodes-data.obj"), "some nodes");
        Files.write(data.resolve("journal.jrnl"), new byte[0]);
        Files.writeString(data.resolve("tdb.lock"), "12345");
        Files.createDirectories(previous.resolve("serving"));
        Files.writeString(previous.resolve("serving/records.json"), "{}");
        Files.writeString(previous.resolve(BuildDump.FILE), "dump");
        manifest = new BuildManifest(BuildManifest.FORMAT, "f".repeat(64), "now", 1, 2, 3, 0,
                BuildChecksums.compute(previous));
    }

    @Test
    void theDatabaseIsCopiedByteForByteWithoutItsLock() throws IOException {
        Path tdb = tmp.resolve("builds/next/tdb");
        DatabaseCopy.copyVerified(previous, manifest, tdb);
        for (String f : new String[] {"SPO.dat", "SPO.idn", "nodes-data.obj", "journal.jrnl"}) {
            Path a = previous.resolve("tdb/Data-0001").resolve(f);
            Path b = tdb.resolve("Data-0001").resolve(f);
            assertEquals(Files.size(a), Files.size(b), f);
            assertEquals(-1, Files.mismatch(a, b), f);
            assertFalse(Files.isSameFile(a, b), f + " is a copy, not a link");
        }
        assertFalse(Files.exists(tdb.resolve("Data-0001/tdb.lock")));
        assertEquals(BuildChecksums.sum(previous.resolve("tdb/Data-0001/SPO.dat")),
                BuildChecksums.sum(tdb.resolve("Data-0001/SPO.dat")));
    }

    @Test
    void theCopysChecksumsResumedFromTheBlocksItSharesWithItsOriginalAreItsChecksums() throws IOException {
        manifest.write(previous);
        Path next = tmp.resolve("builds/next");
        Map<String, BuildChecksums.Prefix> copied = DatabaseCopy.copyVerified(previous, manifest, next.resolve("tdb"));
        Path dat = next.resolve("tdb/Data-0001/SPO.dat");
        Path idn = next.resolve("tdb/Data-0001/SPO.idn");
        Path obj = next.resolve("tdb/Data-0001/nodes-data.obj");
        // as a transaction writes: into the last block, past the end (the file grows), in the first block
        try (var ch = java.nio.channels.FileChannel.open(dat, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), (3 << 20) - 10);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {4, 5}), (3 << 20) + 100);
        }
        try (var ch = java.nio.channels.FileChannel.open(idn, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {9}), 5);
        }
        Files.writeString(obj, "some nodes and more", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(next.resolve(BuildDump.FILE), "another dump");
        Map<String, BuildManifest.FileSum> want = BuildChecksums.compute(next);
        assertEquals(want, BuildChecksums.compute(next, previous, copied));
        assertEquals(want, BuildChecksums.compute(next, previous));
        assertEquals(3 << 20, copied.get("tdb/Data-0001/SPO.dat").ends().length << 20, "a state per megabyte");
    }

    @Test
    void aChangedByteOfTheDatabaseIsADamagedBase() throws IOException {
        flipByte(previous.resolve("tdb/Data-0001/SPO.dat"), 100);
        StoreException e = assertThrows(StoreException.class,
                () -> DatabaseCopy.copyVerified(previous, manifest, tmp.resolve("builds/next/tdb")));
        assertEquals(StoreException.Kind.DAMAGED, e.kind());
        assertEquals("BKG-E202 the store's build previous file tdb/Data-0001/SPO.dat does not match its SHA-256 "
                + "checksum; run 'load' to rebuild it", e.getMessage());
    }

    @Test
    void aChangedByteOutsideTheDatabaseIsADamagedBaseToo() throws IOException {
        // the serving artifacts of the previous build are patched or linked by the next one: verified as well
        Files.writeString(previous.resolve("serving/records.json"), "[]");
        StoreException e = assertThrows(StoreException.class,
                () -> DatabaseCopy.copyVerified(previous, manifest, tmp.resolve("builds/next/tdb")));
        assertEquals(StoreException.Kind.DAMAGED, e.kind());
        assertTrue(e.getMessage().contains("file serving/records.json does not match"), e.getMessage());
    }

    @Test
    void aMissingDatabaseFileIsADamagedBase() throws IOException {
        Files.delete(previous.resolve("tdb/Data-0001/nodes-data.obj"));
        StoreException e = assertThrows(StoreException.class,
                () -> DatabaseCopy.copyVerified(previous, manifest, tmp.resolve("builds/next/tdb")));
        assertEquals("BKG-E202 the store's build previous has lost its file tdb/Data-0001/nodes-data.obj; run 'load' to rebuild it", e.getMessage());
    }

    private static void flipByte(Path f, int at) throws IOException {
        byte[] b = Files.readAllBytes(f);
        b[at] ^= 0x01;
        Files.write(f, b);
    }
}
