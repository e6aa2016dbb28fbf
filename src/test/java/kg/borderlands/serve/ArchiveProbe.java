package kg.borderlands.serve;

/** A program for {@link ClassArchiveTest} to run from a jar with and without a class archive. */
public final class ArchiveProbe {
    private ArchiveProbe() {}

    public static void main(String[] args) {
        System.out.println("probe ran: " + new java.util.TreeMap<>(java.util.Map.of("k", args.length)));
    }
}
