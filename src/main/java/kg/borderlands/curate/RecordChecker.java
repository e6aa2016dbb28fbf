package kg.borderlands.curate;

import kg.borderlands.link.ExternalIds;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static kg.borderlands.curate.Kind.*;

/**
 * Checks what binding cannot: id syntax and uniqueness, types against the ontology, references between
 * records, dates, controlled values and a few per-kind rules. Reports every problem, located.
 */
public final class RecordChecker {
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_QUOTE_WORDS = 20;

    private final OntologyIndex ontology;
    /** Work ids of other source units, which a unit built on its own may cite (explicit cross-source citation). */
    private final Set<String> foreignWorks;

    public RecordChecker(OntologyIndex ontology) {
        this(ontology, Set.of());
    }

    /** A checker for one source unit that may also cite the works {@code foreignWorks} of other units. */
    public RecordChecker(OntologyIndex ontology, Set<String> foreignWorks) {
        this.ontology = Objects.requireNonNull(ontology, "ontology");
        this.foreignWorks = Objects.requireNonNull(foreignWorks, "foreignWorks");
    }

    /** Returns the checked record set of an unscoped directory, or throws with every problem found. */
    public RecordSet check(List<LocatedRecord> records) throws CurationException {
        return check(records, List.of());
    }

    /** Returns the checked record set of these units' records, or throws with every problem found. */
    public RecordSet check(List<LocatedRecord> records, List<SourceUnit> units) throws CurationException {
        return check(records, units, r -> true);
    }

    /**
     * Returns the record set of these units' records, checking only the records {@code checked} accepts (one
     * unit built on its own: the shared records it resolves against were checked with the shared unit, against
     * the apparatus they cite), or throws with every problem found.
     */
    public RecordSet check(List<LocatedRecord> records, List<SourceUnit> units,
                           java.util.function.Predicate<LocatedRecord> checked) throws CurationException {
        List<Problem> problems = new ArrayList<>();
        Map<String, LocatedRecord> seen = new HashMap<>();
        for (LocatedRecord r : records) {
            String id = r.record().id();
            if (!ID.matcher(id).matches()) {
                problems.add(r.problem(Problem.BAD_ID, "/id", "id '" + id
                        + "' must be lowercase letters, digits and single hyphens"));
            }
            LocatedRecord first = seen.putIfAbsent(r.key(), r);
            if (first != null && !coAsserted(first, r)) {
                problems.add(r.problem(Problem.DUPLICATE_ID, "/id", "duplicate id, first defined at "
                        + first.tree().file() + ":" + first.tree().locate(first.pointer()).getLineNr()
                        + (Objects.equals(first.unit(), r.unit()) || first.kind() != r.kind() ? ""
                        : " (the same statement in two sources must agree on everything but its source)")));
            }
        }
        RecordSet set = new RecordSet(records, units);
        for (LocatedRecord r : records) {
            if (checked.test(r)) new Checks(r, set, problems).run();
        }
        checkSharedExternalIds(records, problems);
        if (!problems.isEmpty()) throw new CurationException(problems);
        return set;
    }

    /**
     * Two sources may assert the same statement (tie, event, claim, figure, recommendation) or list the same
     * cited work: the same id in two source units, the same record but for its {@code source}. It is one
     * statement, asserted by both (docs/data-format.md "Source units").
     */
    public static boolean coAsserted(LocatedRecord a, LocatedRecord b) {
        if (a.unit() == null || b.unit() == null || a.unit().equals(b.unit()) || a.kind() != b.kind()) return false;
        boolean statement = a.kind().curated() && a.kind() != ACTORS && a.kind() != PLACES && a.kind() != LINKS;
        if (!statement && a.kind() != WORKS) return false;
        return withoutSource(a).equals(withoutSource(b));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper TREES = new com.fasterxml.jackson.databind.ObjectMapper();

    private static com.fasterxml.jackson.databind.JsonNode withoutSource(LocatedRecord r) {
        com.fasterxml.jackson.databind.node.ObjectNode n = TREES.valueToTree(r.record());
        n.remove("source");
        return n;
    }

    /**
     * Two of our records must not both claim identity (exactMatch/sameAs) with one external item, and a
     * link must not be curated twice.
     */
    private static void checkSharedExternalIds(List<LocatedRecord> records, List<Problem> problems) {
        Map<String, LocatedRecord> identityOwner = new HashMap<>();
        Map<String, LocatedRecord> seenLinks = new HashMap<>();
        for (LocatedRecord r : records) {
            if (!(r.record() instanceof Records.Link l)) continue;
            ExternalIds.Predicate p = ExternalIds.Predicate.byToken(l.predicate());
            if (p == null || ExternalIds.problem(l.object()) != null) continue; // reported per record
            LocatedRecord twin = seenLinks.putIfAbsent(l.subject() + " " + l.predicate() + " " + l.object(), r);
            if (twin != null) {
                problems.add(r.problem(Problem.SHARED_EXTERNAL_ID, "/object", "the same link is already curated as '"
                        + twin.record().id() + "'"));
                continue;
            }
            if (!p.identity()) continue;
            LocatedRecord first = identityOwner.putIfAbsent(l.object(), r);
            if (first != null && !((Records.Link) first.record()).subject().equals(l.subject())) {
                problems.add(r.problem(Problem.SHARED_EXTERNAL_ID, "/object", "'" + l.object() + "' is already matched to '"
                        + ((Records.Link) first.record()).subject() + "' by '" + first.record().id()
                        + "'; two records cannot both be exactMatch/sameAs one external item (use closeMatch)"));
            }
        }
    }

    /** The checks of one record. */
    private final class Checks {
        private final LocatedRecord r;
        private final RecordSet set;
        private final List<Problem> problems;

        Checks(LocatedRecord r, RecordSet set, List<Problem> problems) {
            this.r = r;
            this.set = set;
            this.problems = problems;
        }

        void run() {
            Records.DataRecord rec = r.record();
            checkType(rec.type());
            if (rec.label().isBlank()) problems.add(r.problem(Problem.MISSING_FIELD, "/label", "label is empty"));
            for (int i = 0; i < rec.source().size(); i++) checkSource(rec.source().get(i), "/source/" + i);
            if (r.kind().curated() && rec.source().isEmpty()) {
                problems.add(r.problem(Problem.MISSING_FIELD, "/source", "a curated record needs a source"));
            }
            switch (r.kind()) {
                case ACTORS -> actor((Records.Actor) rec);
                case PLACES -> place((Records.Place) rec);
                case TIES -> tie((Records.Tie) rec);
                case EVENTS -> event((Records.Event) rec);
                case CLAIMS -> claim((Records.Claim) rec);
                case FIGURES -> figure((Records.Figure) rec);
                case RECOMMENDATIONS -> recommendation((Records.Recommendation) rec);
                case SECTIONS -> section((Records.Section) rec);
                case FOOTNOTES -> footnote((Records.Footnote) rec);
                case PARAGRAPHS -> paragraph((Records.Paragraph) rec);
                case WORKS -> work((Records.Work) rec);
                case LINKS -> link((Records.Link) rec);
            }
        }

        private void checkType(String type) {
            String base = r.kind().baseClass();
            if (!ontology.isClass(type)) {
                problems.add(r.problem(Problem.UNKNOWN_TYPE, "/type", "unknown type '" + type
                        + "': not a class of the ontology"));
            } else if (!ontology.isSubClassOf(type, base)) {
                problems.add(r.problem(Problem.UNKNOWN_TYPE, "/type", "type '" + type + "' is not a kind of "
                        + base + " (section " + r.kind().key() + ")"));
            }
        }

        private void checkSource(Records.SourceRef s, String field) {
            String unit = set.citedUnit(r.unit(), s);
            if (unit == null) {
                problems.add(r.problem(Problem.DANGLING_REFERENCE, field + "/work", "'" + s.work()
                        + "' is not the work of any source (data/sources/*/source.yaml)"));
                return;
            }
            String in = unit.isEmpty() ? "" : " of source " + unit;
            if (set.section(unit, s.section()) == null) {
                problems.add(r.problem(Problem.DANGLING_REFERENCE, field + "/section", "no report section numbered '"
                        + s.section() + "'" + in + (unit.isEmpty() && !set.descriptors().isEmpty()
                        ? "; a record of the shared unit names the source it cites (work: <report work id>)" : "")));
            }
            for (int i = 0; i < s.footnotes().size(); i++) {
                Integer n = s.footnotes().get(i);
                if (n == null || set.footnote(unit, n) == null) {
                    problems.add(r.problem(Problem.DANGLING_REFERENCE, field + "/footnotes/" + i,
                            "no footnote numbered " + n + in));
                }
            }
            for (int i = 0; i < s.paragraphs().size(); i++) {
                Integer n = s.paragraphs().get(i);
                if (set.section(unit, s.section()) != null && (n == null || set.paragraph(unit, s.section(), n) == null)) {
                    problems.add(r.problem(Problem.DANGLING_REFERENCE, field + "/paragraphs/" + i,
                            "section " + s.section() + " has no paragraph " + n));
                }
            }
            if (s.support() != null && !s.support().equals(Records.SourceRef.TITLE_ONLY)) {
                problems.add(r.problem(Problem.BAD_VALUE, field + "/support", "support '" + s.support()
                        + "' is not allowed; the only value is " + Records.SourceRef.TITLE_ONLY));
            }
        }

        private void ref(String field, String id, Set<Kind> allowed) {
            if (id == null) return;
            LocatedRecord target = set.resolve(r.unit(), id);
            if (target == null && allowed.contains(WORKS) && foreignWorks.contains(id)) return;
            if (target == null) {
                problems.add(r.problem(Problem.DANGLING_REFERENCE, field, "reference to unknown id '" + id + "'"));
            } else if (target.kind() != WORKS && target.unit() != null
                    && !set.unitsOf(target.key()).contains(r.unit() == null ? "" : r.unit())) {
                problems.add(r.problem(Problem.DANGLING_REFERENCE, field, "'" + id + "' is a record of source "
                        + target.unit() + "; another source is cited only by its work id"));
            } else if (!allowed.contains(target.kind())) {
                problems.add(r.problem(Problem.DANGLING_REFERENCE, field, "'" + id + "' is a "
                        + target.kind().key() + " record; expected one of " + allowed));
            }
        }

        private void refs(String field, List<String> ids, Set<Kind> allowed) {
            for (int i = 0; i < ids.size(); i++) ref(field + "/" + i, ids.get(i), allowed);
        }

        private void date(String field, String value) {
            if (value == null) return;
            try {
                DateValue.parse(value);
            } catch (IllegalArgumentException e) {
                problems.add(r.problem(Problem.BAD_DATE, field, e.getMessage()));
            }
        }

        private void vocab(String field, String value, String scheme) {
            if (value != null && ontology.resolveValue(value, scheme) == null) {
                problems.add(r.problem(Problem.BAD_VALUE, field, "'" + value + "' is not a " + scheme
                        + " of the ontology vocabulary"));
            }
        }

        private void actor(Records.Actor a) {
            date("/founded", a.founded());
            date("/dissolved", a.dissolved());
            ref("/country", a.country(), EnumSet.of(ACTORS));
            refs("/partOf", a.partOf(), EnumSet.of(ACTORS));
            refs("/basedIn", a.basedIn(), EnumSet.of(PLACES));
            ref("/territory", a.territory(), EnumSet.of(PLACES));
        }

        private void place(Records.Place p) {
            ref("/within", p.within(), EnumSet.of(PLACES));
            if (p.point() != null) {
                if (p.point().source().isBlank()) {
                    problems.add(r.problem(Problem.MISSING_FIELD, "/point/source",
                            "coordinates need the source they were verified in"));
                }
                double lat = p.point().lat().doubleValue();
                double lon = p.point().lon().doubleValue();
                if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                    problems.add(r.problem(Problem.BAD_VALUE, "/point", "coordinates out of range"));
                }
            }
            if (p.outline() != null) {
                if (p.outline().source().isBlank()) {
                    problems.add(r.problem(Problem.MISSING_FIELD, "/outline/source",
                            "an outline needs the open source it was taken from"));
                }
                String bad = OutlineCheck.problem(p.outline().wkt());
                if (bad != null) problems.add(r.problem(Problem.BAD_VALUE, "/outline/wkt", bad));
            }
        }

        private void tie(Records.Tie t) {
            ref("/subject", t.subject(), EnumSet.of(ACTORS));
            ref("/object", t.object(), EnumSet.of(ACTORS, PLACES, EVENTS));
            date("/from", t.from());
            date("/to", t.to());
            date("/attestedFrom", t.attestedFrom());
            if (t.attestedFrom() != null && t.from() != null) {
                problems.add(r.problem(Problem.BAD_VALUE, "/attestedFrom",
                        "attestedFrom is only for ties whose start the report does not give; this tie has from"));
            }
            refs("/accordingTo", t.accordingTo(), EnumSet.of(ACTORS));
            if (Boolean.TRUE.equals(t.ended()) && t.to() != null) {
                problems.add(r.problem(Problem.BAD_VALUE, "/ended",
                        "ended is for ties the report says are over without a date; this tie has to"));
            }
        }

        private void event(Records.Event e) {
            if (e.date() != null && (e.from() != null || e.to() != null)) {
                problems.add(r.problem(Problem.BAD_VALUE, "/date", "give either date or from/to, not both"));
            }
            if (e.date() == null && e.from() == null) {
                problems.add(r.problem(Problem.MISSING_FIELD, "/date", "an event needs a date or a from date"));
            }
            date("/date", e.date());
            date("/from", e.from());
            date("/to", e.to());
            refs("/place", e.place(), EnumSet.of(PLACES));
            for (int i = 0; i < e.participants().size(); i++) {
                Records.Participant p = e.participants().get(i);
                ref("/participants/" + i + "/actor", p.actor(), EnumSet.of(ACTORS));
                vocab("/participants/" + i + "/role", p.role(), "ParticipantRole");
                refs("/participants/" + i + "/accordingTo", p.accordingTo(), EnumSet.of(ACTORS));
            }
            refs("/accordingTo", e.accordingTo(), EnumSet.of(ACTORS));
            refs("/partOf", e.partOf(), EnumSet.of(EVENTS));
            refs("/causedBy", e.causedBy(), EnumSet.of(EVENTS));
        }

        private void claim(Records.Claim c) {
            refs("/claimant", c.claimant(), EnumSet.of(ACTORS));
            refs("/accused", c.accused(), EnumSet.of(ACTORS));
            refs("/about", c.about(), EnumSet.of(ACTORS, EVENTS, TIES, CLAIMS, FIGURES, PLACES));
            refs("/respondsTo", c.respondsTo(), EnumSet.of(CLAIMS));
            refs("/content", c.content(), EnumSet.of(TIES, EVENTS, FIGURES));
            if ("Denial".equals(c.type()) && !c.accused().isEmpty()) {
                problems.add(r.problem(Problem.BAD_VALUE, "/accused",
                        "a denial accuses no one: its content is the content of the claim it answers (respondsTo)"));
            }
            if (c.claimant().isEmpty()) {
                problems.add(r.problem(Problem.MISSING_FIELD, "/claimant", "a claim needs at least one claimant"));
            }
            date("/date", c.date());
            vocab("/act", c.act(), "ClaimTopic");
            vocab("/stance", c.stance(), "Stance");
            if (c.quote() != null && c.quote().trim().split("\\s+").length > MAX_QUOTE_WORDS) {
                problems.add(r.problem(Problem.BAD_VALUE, "/quote", "a quote may have at most "
                        + MAX_QUOTE_WORDS + " words"));
            }
        }

        private void figure(Records.Figure f) {
            vocab("/unit", f.unit(), "Unit");
            vocab("/qualifier", f.qualifier(), "ValueQualifier");
            boolean range = "range".equalsIgnoreCase(f.qualifier());
            if (range != (f.valueMax() != null)) {
                problems.add(r.problem(Problem.BAD_VALUE, "/valueMax",
                        "valueMax goes with qualifier 'range', and only with it"));
            }
            ref("/event", f.event(), EnumSet.of(EVENTS));
            if (f.period() != null) {
                date("/period/from", f.period().from());
                date("/period/to", f.period().to());
            }
            refs("/place", f.place(), EnumSet.of(PLACES));
            refs("/reportedBy", f.reportedBy(), EnumSet.of(ACTORS));
            if (f.reportedBy().isEmpty()) {
                problems.add(r.problem(Problem.MISSING_FIELD, "/reportedBy", "a figure needs who reports it"));
            }
        }

        private void recommendation(Records.Recommendation rec) {
            refs("/addressedTo", rec.addressedTo(), EnumSet.of(ACTORS));
            refs("/concerns", rec.concerns(), EnumSet.of(ACTORS, EVENTS, TIES, PLACES, CLAIMS));
            for (int i = 0; i < rec.topic().size(); i++) vocab("/topic/" + i, rec.topic().get(i), "Topic");
        }

        private void section(Records.Section s) {
            ref("/parent", s.parent(), EnumSet.of(SECTIONS));
            ref("/report", s.report(), EnumSet.of(WORKS));
        }

        private void footnote(Records.Footnote f) {
            ref("/section", f.section(), EnumSet.of(SECTIONS));
            refs("/cites", f.cites(), EnumSet.of(WORKS));
        }

        private void paragraph(Records.Paragraph p) {
            ref("/section", p.section(), EnumSet.of(SECTIONS));
            for (int i = 0; i < p.footnotes().size(); i++) {
                if (set.footnote(r.unit(), p.footnotes().get(i)) == null) {
                    problems.add(r.problem(Problem.DANGLING_REFERENCE, "/footnotes/" + i,
                            "no footnote numbered " + p.footnotes().get(i)));
                }
            }
        }

        private void link(Records.Link l) {
            ref("/subject", l.subject(), EnumSet.of(ACTORS, PLACES, EVENTS));
            if (ExternalIds.Predicate.byToken(l.predicate()) == null) {
                problems.add(r.problem(Problem.BAD_VALUE, "/predicate", "predicate '" + l.predicate()
                        + "' is not allowed; use exactMatch, closeMatch or sameAs"));
            }
            String bad = ExternalIds.problem(l.object());
            if (bad != null) problems.add(r.problem(Problem.BAD_EXTERNAL_ID, "/object", bad));
            if (!l.verifiedOn().matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) {
                problems.add(r.problem(Problem.BAD_DATE, "/verifiedOn", "verifiedOn must be a day, YYYY-MM-DD"));
            } else {
                date("/verifiedOn", l.verifiedOn());
            }
            for (String[] f : new String[][] {{"/verifiedLabel", l.verifiedLabel()}, {"/verifiedType", l.verifiedType()},
                    {"/verifiedVia", l.verifiedVia()}}) {
                if (f[1].isBlank()) problems.add(r.problem(Problem.MISSING_FIELD, f[0], f[0].substring(1) + " is empty"));
            }
        }

        private void work(Records.Work w) {
            date("/date", w.date());
            date("/dateTo", w.dateTo());
        }
    }
}
