package kg.borderlands.serve;

/** A program for {@link ClassArchiveTest} to run from a jar with and without a class archive. */
public final class ArchiveProbe {
    private ArchiveProbe() {}

    /** Prints a line; unless asked to stop early, marks itself as having served, as {@code serve} does. */
    public static void main(String[] args) throws java.io.IOException {
        System.out.println("probe ran: " + new java.util.TreeMap<>(java.util.Map.of("k", args.length)));
        String served = System.getProperty("borderlands.classArchive.served");   // ClassArchive.markServed
        if (served != null && args.length == 0) java.nio.file.Files.writeString(java.nio.file.Path.of(served), "");
    }
}
