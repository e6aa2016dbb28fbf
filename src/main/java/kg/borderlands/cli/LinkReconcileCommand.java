package kg.borderlands.cli;

import kg.borderlands.link.Reconciler;
import kg.borderlands.link.SparqlClient;
import kg.borderlands.link.WikidataClasses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "For actors and places without a Wikidata link, ask a SPARQL endpoint for candidates "
                + "(labels and aliases, restricted to fitting Wikidata classes) and print them ranked, with evidence. "
                + "Never writes a link.")
final class LinkReconcileCommand extends LinkSubcommand {
    @Mixin
    LinkEndpointOptions remote;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries on HTTP 429 and 5xx, with exponential backoff (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--backoff", paramLabel = "SECONDS", defaultValue = "2",
            description = "First wait before a retry; doubles each time, Retry-After wins (default: ${DEFAULT-VALUE}).")
    double backoffSeconds;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "Candidates per record (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--id", paramLabel = "ID", description = "Only this record (repeatable).")
    List<String> ids;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or tsv (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (retries < 0) throw new IllegalArgumentException("--retries must be 0 or more");
        if (backoffSeconds < 0) throw new IllegalArgumentException("--backoff must be 0 or more");
        if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1");
        boolean tsv = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "tsv" -> true;
            default -> throw new IllegalArgumentException("unknown format '" + format + "': use text or tsv");
        };
        SparqlClient client = new SparqlClient(remote.uri(), remote.timeout(), retries,
                Duration.ofMillis(Math.round(backoffSeconds * 1000)));
        Set<String> only = ids == null ? Set.of() : new HashSet<>(ids);
        List<Reconciler.Entity> entities = withStore(dsg -> Reconciler.unlinked(dsg, only));
        Set<String> found = entities.stream().map(Reconciler.Entity::id).collect(Collectors.toSet());
        List<String> missing = only.stream().filter(i -> !found.contains(i)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("not an actor or place without a Wikidata link: " + String.join(", ", missing));
        }

        Reconciler reconciler = new Reconciler(client);
        PrintWriter out = out();
        if (tsv) out.println("record\trecord_label\tcandidate\tcandidate_label\tscore\tevidence");
        for (Reconciler.Entity e : entities) {
            List<String> classes = WikidataClasses.forTypes(e.blkTypes());
            List<Reconciler.Candidate> cands = reconciler.candidates(e, limit);
            if (tsv) {
                for (Reconciler.Candidate c : cands) {
                    out.println(e.id() + "\t" + e.label() + "\t" + c.curie() + "\t" + nz(c.label()) + "\t"
                            + String.format(Locale.ROOT, "%.2f", c.score()) + "\t" + evidence(c));
                }
            } else {
                out.println(e.id() + "  \"" + e.label() + "\"  [" + nz(WikidataClasses.decidingClass(e.blkTypes()))
                        + " -> " + classes.stream().map(q -> "wd:" + q + " " + WikidataClasses.NAMES.getOrDefault(q, ""))
                        .collect(Collectors.joining(", ")) + "]");
                if (classes.isEmpty()) out.println("    (no Wikidata class mapping for this kind of record; skipped)");
                else if (cands.isEmpty()) out.println("    (no candidates)");
                int rank = 1;
                for (Reconciler.Candidate c : cands) {
                    out.println(String.format(Locale.ROOT, "    %d. %s  score %.2f  \"%s\"  %s", rank++, c.curie(),
                            c.score(), nz(c.label()), evidence(c)));
                }
            }
            out.flush();
        }
        return 0;
    }

    private static String evidence(Reconciler.Candidate c) {
        return c.evidence().stream().map(ev -> "matched " + (ev.ourLabel() ? "label" : "alias") + " \"" + ev.ourName()
                        + "\" on Wikidata " + ev.field() + "; P31 wd:" + ev.p31()
                        + (ev.p31Label() == null ? "" : " (" + ev.p31Label() + ")")
                        + (ev.directClass() ? "" : " via P279"))
                .collect(Collectors.joining(" | "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
