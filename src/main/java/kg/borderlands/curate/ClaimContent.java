package kg.borderlands.curate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each claim is about and what is therefore contested (design: {@code docs/ontology.md}, "Claims carry
 * their content"). A claim's content is its own {@code content}; a denial or counter-claim without content
 * of its own takes the content of the claims it answers. A tie or event is contested when a claim asserts
 * it or when its record lists the actors it rests on ({@code accordingTo}); its {@code blk:accordingTo} is
 * then the claimants of the asserting claims together with those listed actors.
 */
public final class ClaimContent {
    private final Map<String, Records.Claim> claims = new HashMap<>();
    private final Map<String, List<String>> content = new HashMap<>();
    private final Map<String, Set<String>> asserters = new HashMap<>();
    private final Set<String> contested = new HashSet<>();

    public ClaimContent(RecordSet records) {
        Objects.requireNonNull(records, "records");
        for (LocatedRecord r : records.all()) {
            if (r.record() instanceof Records.Claim c) claims.put(c.id(), c);
            if (r.record() instanceof Records.Tie t && !t.accordingTo().isEmpty()) contested.add(t.id());
            if (r.record() instanceof Records.Event e && !e.accordingTo().isEmpty()) contested.add(e.id());
        }
        for (Records.Claim c : claims.values()) {
            List<String> own = contentOf(c.id(), new HashSet<>());
            content.put(c.id(), own);
            if ("Asserts".equals(stance(c))) {
                for (String x : own) {
                    if (records.byId(x) != null && records.byId(x).kind() != Kind.FIGURES) {
                        contested.add(x);
                        asserters.computeIfAbsent(x, k -> new TreeSet<>()).addAll(c.claimant());
                    }
                }
            }
        }
    }

    private List<String> contentOf(String id, Set<String> seen) {
        Records.Claim c = claims.get(id);
        if (c == null || !seen.add(id)) return List.of();
        if (!c.content().isEmpty()) return c.content();
        if (c.type().equals("Denial") || c.type().equals("CounterClaim")) {
            Set<String> out = new LinkedHashSet<>();
            for (String answered : c.respondsTo()) out.addAll(contentOf(answered, seen));
            return new ArrayList<>(out);
        }
        return List.of();
    }

    /** The stance a claim takes towards its content: as given, else what its type implies. */
    public static String stance(Records.Claim c) {
        if (c.stance() != null) return c.stance();
        return switch (c.type()) {
            case "Denial" -> "Denies";
            case "CounterClaim" -> c.content().isEmpty() ? "Disputes" : "Asserts";
            case "Acknowledgement" -> "Acknowledges";
            default -> "Asserts";
        };
    }

    /** The claim's content: its own, or that of the claims it answers. */
    public List<String> contentOf(String claimId) {
        return content.getOrDefault(claimId, List.of());
    }

    /** True if the tie or event rests on some actor's word only. */
    public boolean isContested(String id) {
        return contested.contains(id);
    }

    /** The actors a contested record rests on: the claimants of the claims asserting it, and those listed. */
    public List<String> accordingTo(String id, List<String> listed) {
        Set<String> out = new TreeSet<>(listed);
        out.addAll(asserters.getOrDefault(id, Set.of()));
        return new ArrayList<>(out);
    }
}
