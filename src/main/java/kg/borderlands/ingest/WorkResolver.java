package kg.borderlands.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the citations of each footnote, in footnote order, into work records with stable ids. A work cited
 * in full more than once gets one record; a short citation ("…, op. cit.", also with a shortened title or an
 * author's surname) is resolved to the earlier full citation it names.
 */
public final class WorkResolver {

    private final Map<String, Work> works = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** Adds a record that no footnote cites by itself (the report). */
    public void add(Work work) {
        if (works.putIfAbsent(work.id(), work) != null) throw new IllegalArgumentException("duplicate work id " + work.id());
    }

    /** Resolves footnote {@code footnote}'s citations; returns the ids it cites, in order, without repeats. */
    public List<String> resolve(int footnote, List<Citation> citations) {
        Set<String> ids = new LinkedHashSet<>();
        int interviews = 0;
        for (Citation c : citations) {
            String id;
            if (c instanceof Citation.Full f) {
                id = full(f);
            } else if (c instanceof Citation.Interview i) {
                id = "work-interview-fn-" + footnote + "-" + (++interviews);
                works.put(id, new Work(id, WorkType.INTERVIEW, i.label(), null, List.of(),
                        i.period() == null ? null : i.period().from(), i.period() == null ? null : i.period().to(),
                        i.interlocutor(), i.location(), i.telephone() ? "telephone" : "in-person"));
            } else {
                id = shortForm(footnote, (Citation.Short) c);
            }
            if (id != null) ids.add(id);
        }
        return List.copyOf(ids);
    }

    public List<Work> works() {
        return List.copyOf(works.values());
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private String full(Citation.Full f) {
        String base = id(f);
        String id = base;
        for (int n = 2; works.containsKey(id); n++) {
            Work w = works.get(id);
            if (w.type() == f.type() && titleKey(w.label()).equals(titleKey(f.title()))
                    && Objects.equals(w.date(), f.date())) {
                return id;                                   // the same work cited again in full
            }
            id = base + "-" + n;
        }
        works.put(id, Work.of(id, f.type(), f.title(), f.publisher(), f.authors(), f.date()));
        return id;
    }

    /**
     * The id of a numbered Crisis Group publication as a citation names it ({@code work-icg-report-327}); also the
     * {@code citedAs} of an ingested report's descriptor ({@link ReportIds#citedAs}), so that a citation of a
     * report in the corpus is a citation of that source's work.
     */
    static String seriesId(String series, String number) {
        return "work-icg-" + series + "-" + Integer.parseInt(number);
    }

    /** The id of a full citation (see docs/ingest.md, "Ids"). */
    static String id(Citation.Full f) {
        String dated = f.date() == null ? "" : "-" + f.date();
        if (CitationParser.CRISIS_GROUP.equals(f.publisher())) {
            String series = switch (f.type()) {
                case BRIEFING -> "briefing";
                case COMMENTARY -> "commentary";
                default -> "report";
            };
            if (f.seriesNumber() != null) return seriesId(series, f.seriesNumber());
            return Slugs.withTitle("work-icg-" + series + dated, f.title());
        }
        String by;
        if (f.publisher() != null && Slugs.slug(f.title()).startsWith(Slugs.slug(f.publisher()) + "-")) {
            return Slugs.withTitle("work" + dated, f.title());   // "Khyber Pakhtunkhwa government website"
        }
        if (f.publisher() != null) by = Slugs.publisher(f.publisher());
        else if (!f.authors().isEmpty()) by = Slugs.slug(CitationParser.surname(f.authors().get(0)));
        else by = "anon";
        return Slugs.withTitle("work-" + by + dated, f.title());
    }

    private String shortForm(int footnote, Citation.Short s) {
        String key = titleKey(s.title());
        List<Work> matches = new ArrayList<>();
        for (Work w : works.values()) {
            if (w.type() == WorkType.INTERVIEW) continue;
            String full = titleKey(w.label());
            if (full.equals(key) || full.startsWith(key + " ") || full.endsWith(" " + key)) matches.add(w);
        }
        if (s.kind() != null) narrow(matches, w -> w.type() == s.kind() && CitationParser.CRISIS_GROUP.equals(w.publisher()));
        if (s.author() != null) {
            narrow(matches, w -> w.authors().stream()
                    .anyMatch(a -> CitationParser.surname(a).equalsIgnoreCase(s.author())));
        }
        narrow(matches, w -> titleKey(w.label()).equals(key));
        if (matches.isEmpty()) {
            warnings.add("footnote " + footnote + ": op. cit. \"" + s.title() + "\" matches no earlier citation");
            return null;
        }
        if (matches.size() > 1) {
            List<String> ids = matches.stream().map(Work::id).toList();
            warnings.add("footnote " + footnote + ": op. cit. \"" + s.title() + "\" is ambiguous " + ids
                    + "; took the first cited, " + ids.get(0));
        }
        return matches.get(0).id();
    }

    /** Keeps only the matches passing {@code test}, unless none would. */
    private static void narrow(List<Work> matches, java.util.function.Predicate<Work> test) {
        List<Work> kept = matches.stream().filter(test).toList();
        if (!kept.isEmpty()) {
            matches.clear();
            matches.addAll(kept);
        }
    }

    /** Title comparison key: lower case, quotes and punctuation dropped, words single-spaced. */
    static String titleKey(String title) {
        String t = title.toLowerCase(Locale.ROOT).replaceAll("['’‘]", "");
        return t.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
