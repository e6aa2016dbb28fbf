package kg.borderlands.serve.ld;

import kg.borderlands.Vocab;
import kg.borderlands.serve.ld.EntityView.ClaimView;
import kg.borderlands.serve.ld.EntityView.EventRole;
import kg.borderlands.serve.ld.EntityView.Fact;
import kg.borderlands.serve.ld.EntityView.FigureView;
import kg.borderlands.serve.ld.EntityView.Link;
import kg.borderlands.serve.ld.EntityView.Ref;
import kg.borderlands.serve.ld.EntityView.SectionRef;
import kg.borderlands.serve.ld.EntityView.SourceView;
import kg.borderlands.serve.ld.EntityView.Term;
import kg.borderlands.serve.ld.EntityView.TieView;
import kg.borderlands.serve.ld.EntityView.Value;
import kg.borderlands.serve.ld.EntityView.WorkRef;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static kg.borderlands.Vocab.blkProp;

/** Builds the {@link EntityView} of a record from a {@link Snapshot}. */
public final class EntityDescriber {
    static final Property SUBJECT = blkProp("subject");
    static final Property OBJECT = blkProp("object");
    static final Property CLAIMANT = blkProp("claimant");
    static final Property ACCUSED = blkProp("accused");
    static final Property AGENT = blkProp("agent");
    static final Property ROLE = blkProp("role");
    static final Property QUALIFIED_PARTICIPATION = blkProp("qualifiedParticipation");
    static final Property HAS_PARTICIPANT = blkProp("hasParticipant");
    static final Property REPORTED_BY = blkProp("reportedBy");
    static final Property ADDRESSED_TO = blkProp("addressedTo");
    static final Property RESPONDS_TO = blkProp("respondsTo");
    static final Property CITED_FOOTNOTE = blkProp("citedFootnote");
    static final Property CITED_SECTION = blkProp("citedSection");
    static final Property CITED_PARAGRAPH = blkProp("citedParagraph");
    static final Property NUMBER = blkProp("number");
    static final Property REFERENCED_IN = blkProp("referencedIn");
    static final Property CITES = blkProp("cites");
    static final Property DATE = blkProp("date");
    static final Property DATE_TEXT = blkProp("dateText");
    static final Property EARLIEST = blkProp("earliest");
    static final Property LATEST = blkProp("latest");
    static final Property DURING = blkProp("during");
    static final Property PERIOD = blkProp("period");
    static final Property HAS_BEGINNING = Vocab.time("hasBeginning");
    static final Property HAS_END = Vocab.time("hasEnd");
    static final Property AS_WKT = Vocab.prop(Vocab.GEO, "asWKT");
    /** External-identifier properties shown as links. */
    static final List<Property> LINKS = List.of(SKOS.exactMatch, SKOS.closeMatch, OWL.sameAs);
    /** Own statements shown in their own part of the view, not as facts. */
    private static final Set<Property> NOT_FACTS = Set.of(RDF.type, SKOS.prefLabel, RDFS.label, SKOS.altLabel,
            DCTerms.description, DCTerms.identifier, CITED_FOOTNOTE, CITED_SECTION, HAS_PARTICIPANT,
            SKOS.exactMatch, SKOS.closeMatch, OWL.sameAs);
    /** Incoming statements shown in their own part of the view, not under "referenced by". */
    private static final Set<Property> NOT_REFERENCES = Set.of(SUBJECT, OBJECT, CLAIMANT, ACCUSED, AGENT, HAS_PARTICIPANT,
            REPORTED_BY, ADDRESSED_TO);
    private static final int MAX_RESPONSE_DEPTH = 4;

    private final Snapshot snapshot;
    private final Model data;

    public EntityDescriber(Snapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.data = snapshot.data();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The view of a curated record, or empty when there is no record with this id. */
    public Optional<EntityView> describe(String id) {
        Optional<Snapshot.Entry> found = snapshot.entry(id);
        if (found.isEmpty()) return Optional.empty();
        Snapshot.Entry e = found.get();
        Resource r = data.getResource(e.iri());
        Resource type = r.getPropertyResourceValue(RDF.type);

        List<TieView> out = new ArrayList<>();
        List<TieView> in = new ArrayList<>();
        List<ClaimView> made = new ArrayList<>();
        List<ClaimView> received = new ArrayList<>();
        Map<Resource, List<Term>> eventRoles = new LinkedHashMap<>();
        List<FigureView> figures = new ArrayList<>();
        List<Ref> recommendations = new ArrayList<>();
        List<Fact> referencedBy = new ArrayList<>();
        Set<Resource> seenTies = new HashSet<>();

        for (Statement st : data.listStatements(null, null, r).toList()) {
            Resource s = st.getSubject();
            Property p = st.getPredicate();
            if (p.equals(SUBJECT) && seenTies.add(s)) out.add(tie(s, r, "outgoing"));
            else if (p.equals(OBJECT) && seenTies.add(s)) in.add(tie(s, r, "incoming"));
            else if (p.equals(CLAIMANT)) made.add(claim(s, 0));
            else if (p.equals(ACCUSED)) received.add(claim(s, 0));
            else if (p.equals(AGENT)) {
                for (Resource ev : data.listSubjectsWithProperty(QUALIFIED_PARTICIPATION, s).toList()) {
                    Resource role = s.getPropertyResourceValue(ROLE);
                    List<Term> roles = eventRoles.computeIfAbsent(ev, k -> new ArrayList<>());
                    if (role != null) roles.add(term(role));
                }
            } else if (p.equals(REPORTED_BY)) figures.add(figure(s));
            else if (p.equals(ADDRESSED_TO)) recommendations.add(ref(s));
            else if (!NOT_REFERENCES.contains(p)) {
                Ref from = ref(owner(s));
                if (from != null && !from.id().equals(id)) referencedBy.add(new Fact(term(p), null, from));
            }
        }
        List<EventRole> events = new ArrayList<>();
        eventRoles.forEach((ev, roles) -> events.add(eventRole(ev, roles)));

        Comparator<TieView> tieOrder = Comparator.comparing((TieView t) -> t.kind().label())
                .thenComparing(t -> t.other() == null ? "" : t.other().label()).thenComparing(TieView::id);
        out.sort(tieOrder);
        in.sort(tieOrder);
        Comparator<ClaimView> claimOrder = Comparator.comparing((ClaimView c) -> c.earliest() == null ? "9999" : c.earliest())
                .thenComparing(ClaimView::id);
        made.sort(claimOrder);
        received.sort(claimOrder);
        events.sort(Comparator.comparing((EventRole ev) -> ev.earliest() == null ? "9999" : ev.earliest())
                .thenComparing(ev -> ev.event().id()));
        figures.sort(Comparator.comparing((FigureView f) -> f.measure() == null ? "" : f.measure())
                .thenComparing(f -> f.figure().id()));
        recommendations.sort(Comparator.comparing(Ref::id));
        referencedBy.sort(Comparator.comparing((Fact f) -> f.property().label()).thenComparing(f -> f.from().label()));

        return Optional.of(new EntityView(e.id(), e.iri(), "/id/" + e.id(), e.label(), e.aliases(),
                string(r, DCTerms.description), e.kind(), type == null ? null : term(type), facts(r),
                out, in, made, received, events, figures, recommendations, referencedBy,
                sources(r), sections(r), paragraphAnchors(r), links(r)));
    }

    // ---- parts ----

    private List<Fact> facts(Resource r) {
        List<Fact> facts = new ArrayList<>();
        for (Statement st : r.listProperties().toList()) {
            if (NOT_FACTS.contains(st.getPredicate())) continue;
            facts.add(new Fact(term(st.getPredicate()), value(st.getObject()), null));
        }
        facts.sort(Comparator.comparing((Fact f) -> f.property().label()).thenComparing(f -> valueKey(f.value())));
        return facts;
    }

    private static String valueKey(Value v) {
        if (v.ref() != null) return v.ref().label();
        if (v.term() != null) return v.term().label();
        return v.literal() == null ? "" : v.literal();
    }

    /** A value, with nodes inside a record (dates, intervals, participations, geometries) spelled out. */
    private Value value(RDFNode o) {
        if (o.isLiteral()) {
            Literal l = o.asLiteral();
            String dt = l.getDatatypeURI();
            return new Value(null, null, l.getLexicalForm(), dt == null ? null : Snapshot.compact(dt));
        }
        Resource res = o.asResource();
        String id = Snapshot.idOf(res);
        if (id != null && id.contains("/") && snapshot.entry(id).isEmpty()) {
            if (res.hasProperty(AGENT)) {
                Resource role = res.getPropertyResourceValue(ROLE);
                return new Value(ref(res.getPropertyResourceValue(AGENT)), role == null ? null : term(role), null, null);
            }
            String text = dateText(res);
            if (text != null) return new Value(null, null, text, null);
            Statement wkt = res.getProperty(AS_WKT);
            if (wkt != null) return new Value(null, null, wkt.getString(), Snapshot.compact(wkt.getLiteral().getDatatypeURI()));
        }
        Ref ref = ref(res);
        return ref != null ? new Value(ref, null, null, null) : new Value(null, term(res), null, null);
    }

    TieView tie(Resource t, Resource focus, String direction) {
        Resource subject = t.getPropertyResourceValue(SUBJECT);
        Resource object = t.getPropertyResourceValue(OBJECT);
        Resource other = focus.equals(subject) ? object : subject;
        Resource during = t.getPropertyResourceValue(DURING);
        List<Ref> accordingTo = refs(t, blkProp("accordingTo"));
        Resource type = t.getPropertyResourceValue(RDF.type);
        return new TieView(Snapshot.idOf(t), t.getURI(), snapshot.label(t), type == null ? null : term(type),
                ref(subject), ref(object), ref(other), direction,
                string(t, blkProp("validFrom")), string(t, blkProp("validUntil")),
                during == null ? null : dateText(during.getPropertyResourceValue(HAS_BEGINNING)),
                during == null ? null : dateText(during.getPropertyResourceValue(HAS_END)),
                string(t, blkProp("attestedFrom")), string(t, blkProp("office")), !accordingTo.isEmpty(), accordingTo, string(t, DCTerms.description),
                footnoteNumbers(t), footnoteRefs(t), sectionNumbers(t));
    }

    ClaimView claim(Resource c, int depth) {
        Resource type = c.getPropertyResourceValue(RDF.type);
        Resource act = c.getPropertyResourceValue(blkProp("act"));
        Resource stance = c.getPropertyResourceValue(blkProp("stance"));
        List<ClaimView> responses = new ArrayList<>();
        if (depth < MAX_RESPONSE_DEPTH) {
            for (Resource resp : data.listSubjectsWithProperty(RESPONDS_TO, c).toList()) responses.add(claim(resp, depth + 1));
            responses.sort(Comparator.comparing(ClaimView::id));
        }
        Resource respondsTo = c.getPropertyResourceValue(RESPONDS_TO);
        return new ClaimView(Snapshot.idOf(c), c.getURI(), snapshot.label(c), type == null ? null : term(type),
                refs(c, CLAIMANT), refs(c, ACCUSED), act == null ? null : term(act), stance == null ? null : term(stance),
                dateText(c.getPropertyResourceValue(DATE)), string(c, EARLIEST), string(c, LATEST),
                string(c, blkProp("quote")), respondsTo == null ? null : ref(respondsTo), refs(c, blkProp("about")),
                responses, footnoteNumbers(c), footnoteRefs(c), sectionNumbers(c));
    }

    private EventRole eventRole(Resource ev, List<Term> roles) {
        return new EventRole(ref(ev), roles, dateText(ev.getPropertyResourceValue(DATE)), string(ev, EARLIEST),
                string(ev, LATEST), refs(ev, blkProp("place")), footnoteNumbers(ev), footnoteRefs(ev));
    }

    private FigureView figure(Resource f) {
        Resource qualifier = f.getPropertyResourceValue(blkProp("qualifier"));
        Resource unit = f.getPropertyResourceValue(blkProp("unit"));
        Resource event = f.getPropertyResourceValue(blkProp("event"));
        return new FigureView(ref(f), string(f, blkProp("measure")), string(f, blkProp("value")),
                string(f, blkProp("valueMax")), qualifier == null ? null : term(qualifier), unit == null ? null : term(unit),
                event == null ? null : ref(event), dateText(f.getPropertyResourceValue(PERIOD)), refs(f, REPORTED_BY),
                footnoteNumbers(f), footnoteRefs(f));
    }

    private List<SourceView> sources(Resource r) {
        List<SourceView> out = new ArrayList<>();
        for (Resource fn : cited(r, CITED_FOOTNOTE)) {
            Integer n = footnoteNumber(fn);
            if (n == null) continue;
            Resource sec = fn.getPropertyResourceValue(REFERENCED_IN);
            List<WorkRef> works = new ArrayList<>();
            for (Resource w : objects(fn, CITES)) works.add(work(w));
            works.sort(Comparator.comparing(WorkRef::id, Comparator.nullsLast(Comparator.naturalOrder())));
            out.add(new SourceView(n, Snapshot.idOf(fn), fn.getURI(), sec == null ? null : section(sec), works));
        }
        out.sort(Comparator.comparingInt(SourceView::footnote));
        return out;
    }

    private WorkRef work(Resource w) {
        Resource type = w.getPropertyResourceValue(RDF.type);
        List<String> authors = new ArrayList<>();
        w.listProperties(blkProp("authorName")).forEachRemaining(a -> authors.add(a.getString()));
        return new WorkRef(Snapshot.idOf(w), w.getURI(), snapshot.label(w), type == null ? null : term(type),
                string(w, blkProp("publisherName")), authors, dateText(w.getPropertyResourceValue(DATE)));
    }

    private List<SectionRef> sections(Resource r) {
        List<SectionRef> out = new ArrayList<>();
        for (Resource s : cited(r, CITED_SECTION)) out.add(section(s));
        out.sort(Comparator.comparing(SectionRef::id));
        return out;
    }

    private SectionRef section(Resource s) {
        return new SectionRef(Snapshot.idOf(s), s.getURI(), string(s, NUMBER), snapshot.label(s));
    }

    private List<Link> links(Resource r) {
        Set<Link> out = new LinkedHashSet<>();
        for (Model m : List.of(data, snapshot.inferred())) {
            Resource in = m.getResource(r.getURI());
            for (Property p : LINKS) {
                for (Statement st : in.listProperties(p).toList()) {
                    if (st.getObject().isURIResource() && !st.getObject().equals(r)) {
                        out.add(new Link(term(p), st.getObject().asResource().getURI()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    // ---- helpers ----

    /** The record a node belongs to: itself, or for {@code id/ev-x/participation/1} the record {@code ev-x}. */
    private Resource owner(Resource s) {
        String id = Snapshot.idOf(s);
        if (id == null || !id.contains("/")) return s;
        return data.getResource(Vocab.ID + snapshot.ownerOf(id));
    }

    Ref ref(Resource r) {
        if (r == null) return null;
        String id = Snapshot.idOf(r);
        Optional<Snapshot.Entry> e = id == null ? Optional.empty() : snapshot.entry(id);
        return e.map(x -> new Ref(x.id(), x.iri(), x.label(), x.kind(), x.type())).orElse(null);
    }

    private List<Ref> refs(Resource r, Property p) {
        List<Ref> out = new ArrayList<>();
        for (Resource o : objects(r, p)) {
            Ref ref = ref(o);
            if (ref != null) out.add(ref);
        }
        out.sort(Comparator.comparing(Ref::label));
        return out;
    }

    Term term(Resource r) {
        return new Term(r.getURI(), Snapshot.compact(r.getURI()), snapshot.label(r));
    }

    /** Sources of a record: on the node itself, or for an actor or place on its record (blk:record). */
    private static List<Resource> cited(Resource r, Property p) {
        List<Resource> out = objects(r, p);
        for (Resource rec : objects(r, blkProp("record"))) out.addAll(objects(rec, p));
        return out;
    }

    private static List<Resource> objects(Resource r, Property p) {
        List<Resource> out = new ArrayList<>();
        r.listProperties(p).forEachRemaining(st -> {
            if (st.getObject().isResource()) out.add(st.getObject().asResource());
        });
        return out;
    }

    private static String string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        if (st == null) return null;
        return st.getObject().isLiteral() ? st.getLiteral().getLexicalForm() : st.getObject().toString();
    }

    /** A date as written in the data: an instant's text, or an interval's "begin – end". */
    static String dateText(Resource node) {
        if (node == null) return null;
        Statement text = node.getProperty(DATE_TEXT);
        if (text != null) return text.getString();
        Resource begin = node.getPropertyResourceValue(HAS_BEGINNING);
        Resource end = node.getPropertyResourceValue(HAS_END);
        if (begin == null && end == null) return null;
        String b = begin == null ? "" : Objects.toString(dateText(begin), "");
        String e = end == null ? "" : Objects.toString(dateText(end), "");
        return (b + " – " + e).trim();
    }

    private static Integer footnoteNumber(Resource fn) {
        Statement st = fn.getProperty(NUMBER);
        if (st == null || !st.getObject().isLiteral()) return null;
        try {
            return Integer.valueOf(st.getLiteral().getLexicalForm());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<Integer> footnoteNumbers(Resource r) {
        List<Integer> out = new ArrayList<>();
        for (Resource fn : cited(r, CITED_FOOTNOTE)) {
            Integer n = footnoteNumber(fn);
            if (n != null) out.add(n);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** The cited footnotes as link targets: their ids (inside their source's space) and numbers. */
    private static List<kg.borderlands.analyse.FootnoteRef> footnoteRefs(Resource r) {
        List<kg.borderlands.analyse.FootnoteRef> out = new ArrayList<>();
        for (Resource fn : cited(r, CITED_FOOTNOTE)) {
            Integer n = footnoteNumber(fn);
            String id = Snapshot.idOf(fn);
            if (n != null && id != null) out.add(new kg.borderlands.analyse.FootnoteRef(id, n));
        }
        out.sort(kg.borderlands.analyse.FootnoteRef.ORDER);
        return out;
    }

    /** The cited sections, each with its cited paragraphs: {@code II.B ¶4}, {@code II.B ¶1, ¶4}, or {@code II.B}. */
    private static List<String> sectionNumbers(Resource r) {
        List<String> out = new ArrayList<>();
        for (Resource s : cited(r, CITED_SECTION)) {
            String n = string(s, NUMBER);
            if (n == null) continue;
            List<Integer> ps = paragraphNumbers(r, s);
            out.add(ps.isEmpty() ? n : n + " " + ps.stream().map(p -> "¶" + p).collect(Collectors.joining(", ")));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Every cited paragraph as its anchor ({@code II.B ¶4}), in section and paragraph order. */
    private static List<String> paragraphAnchors(Resource r) {
        List<String> out = new ArrayList<>();
        for (Resource s : cited(r, CITED_SECTION)) {
            String n = string(s, NUMBER);
            if (n != null) for (Integer p : paragraphNumbers(r, s)) out.add(n + " ¶" + p);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static List<Integer> paragraphNumbers(Resource r, Resource section) {
        List<Integer> out = new ArrayList<>();
        for (Resource p : cited(r, CITED_PARAGRAPH)) {
            if (!section.equals(p.getPropertyResourceValue(blkProp("inSection")))) continue;
            Integer n = footnoteNumber(p);
            if (n != null) out.add(n);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
