package kg.borderlands.curate;

import kg.borderlands.Vocab;
import kg.borderlands.link.ExternalIds;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static kg.borderlands.Vocab.blk;
import static kg.borderlands.Vocab.blkProp;

/**
 * Maps checked records to RDF following the ontology (see the mapping table in {@code docs/data-format.md}
 * and the design in {@code docs/ontology.md}). Established content goes to {@link MappedData#data()};
 * contested content (ties, events and participations stated only on some actor's word) goes to
 * {@link MappedData#claimed()}. Pure: the same records always give the same triples.
 */
public final class RdfMapper {
    /**
     * The graphs the mapper writes: what the sources establish, what is only claimed, and one graph per source
     * unit (by graph IRI, {@code …/graph/source/{id}}) holding everything that source asserts (established and
     * contested alike), its apparatus and the PROV record of where it came from (docs/store.md).
     */
    public record MappedData(Model data, Model claimed, Map<String, Model> sources) {
        public MappedData(Model data, Model claimed) {
            this(data, claimed, Map.of());
        }
    }

    /** The named graph of a source unit. */
    public static String sourceGraph(String sourceId) {
        return Vocab.BASE + "graph/source/" + sourceId;
    }

    /** The report whose recommendations these are; recorded as their author. */
    public static final String REPORT_AUTHOR_ID = "crisis-group";

    private static final Property SEM_SUB_EVENT_OF = Vocab.prop(Vocab.SEM, "subEventOf");
    private static final Property SEM_HAS_PLACE = Vocab.prop(Vocab.SEM, "hasPlace");
    private static final Property FOAF_PRIMARY_TOPIC = Vocab.prop(Vocab.FOAF, "primaryTopic");
    private static final Property ORG_MEMBER = Vocab.prop(Vocab.ORG, "member");
    private static final Property ORG_ORGANIZATION = Vocab.prop(Vocab.ORG, "organization");
    private static final Property ORG_MEMBER_DURING = Vocab.prop(Vocab.ORG, "memberDuring");
    private static final Resource ORG_POST = Vocab.prop(Vocab.ORG, "Post");
    private static final Property ORG_POST_IN = Vocab.prop(Vocab.ORG, "postIn");
    private static final Property ORG_HELD_BY = Vocab.prop(Vocab.ORG, "heldBy");
    private static final Resource SOSA_OBSERVABLE_PROPERTY = Vocab.prop(Vocab.SOSA, "ObservableProperty");
    private static final Property SOSA_OBSERVED_PROPERTY = Vocab.prop(Vocab.SOSA, "observedProperty");
    private static final Property SOSA_FEATURE_OF_INTEREST = Vocab.prop(Vocab.SOSA, "hasFeatureOfInterest");
    private static final Property SOSA_HAS_RESULT = Vocab.prop(Vocab.SOSA, "hasResult");
    private static final Property SOSA_HAS_SIMPLE_RESULT = Vocab.prop(Vocab.SOSA, "hasSimpleResult");
    private static final Resource SCHEMA_QUANTITATIVE_VALUE = Vocab.prop(Vocab.SCHEMA, "QuantitativeValue");
    private static final Property SCHEMA_MIN_VALUE = Vocab.prop(Vocab.SCHEMA, "minValue");
    private static final Property SCHEMA_MAX_VALUE = Vocab.prop(Vocab.SCHEMA, "maxValue");
    private static final Property ORG_SUB_ORG_OF = Vocab.prop(Vocab.ORG, "subOrganizationOf");
        private static final Property GEO_HAS_GEOMETRY = Vocab.prop(Vocab.GEO, "hasGeometry");
    private static final Property GEO_AS_WKT = Vocab.prop(Vocab.GEO, "asWKT");
    private static final Resource GEO_GEOMETRY = Vocab.prop(Vocab.GEO, "Geometry");
    private static final String WKT = Vocab.GEO + "wktLiteral";

    private final RecordSet records;
    private final OntologyIndex ontology;
    private final ClaimContent claims;
    /** The source unit being mapped; {@code null} for the shared (or only) unit. */
    private final String unit;
    private final Model data = ModelFactory.createDefaultModel();
    private final Model claimed = ModelFactory.createDefaultModel();
    /** The graph the record being mapped goes to. */
    private Model model = data;

    private RdfMapper(RecordSet records, OntologyIndex ontology, ClaimContent claims, String unit) {
        this.records = records;
        this.ontology = ontology;
        this.claims = claims;
        this.unit = unit;
        data.setNsPrefixes(Vocab.prefixes());
        claimed.setNsPrefixes(Vocab.prefixes());
    }

    /**
     * Maps every record of the set, unit by unit: the data and claimed graphs are the union over the units; each
     * source unit also gets its own graph ({@link MappedData#sources()}).
     */
    public static MappedData map(RecordSet records, OntologyIndex ontology) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(ontology, "ontology");
        ClaimContent claims = new ClaimContent(records);
        Map<String, List<LocatedRecord>> byUnit = new LinkedHashMap<>();
        for (LocatedRecord r : records.all()) {
            byUnit.computeIfAbsent(r.unit() == null ? "" : r.unit(), k -> new ArrayList<>()).add(r);
        }
        Model data = ModelFactory.createDefaultModel().setNsPrefixes(Vocab.prefixes());
        Model claimed = ModelFactory.createDefaultModel().setNsPrefixes(Vocab.prefixes());
        Map<String, Model> sources = new LinkedHashMap<>();
        for (Map.Entry<String, List<LocatedRecord>> e : byUnit.entrySet()) {
            String unit = e.getKey().isEmpty() ? null : e.getKey();
            RdfMapper m = new RdfMapper(records, ontology, claims, unit);
            for (LocatedRecord r : e.getValue()) m.record(r);
            data.add(m.data);
            claimed.add(m.claimed);
            if (unit != null) sources.put(sourceGraph(unit), m.sourceGraph());
        }
        return new MappedData(data, claimed, sources);
    }

    /**
     * Maps only {@code subset}, the records of one unit ({@code unit}: its source id, {@code null} for the shared
     * unit), resolving its references in {@code records} (that unit's records with the shared ones). As
     * {@link #map(RecordSet, OntologyIndex)} does for that unit: its data and claimed triples and, for a source,
     * its source graph with PROV.
     */
    public static MappedData map(RecordSet records, List<LocatedRecord> subset, String unit, OntologyIndex ontology) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(ontology, "ontology");
        RdfMapper m = new RdfMapper(records, ontology, new ClaimContent(records), unit);
        for (LocatedRecord r : Objects.requireNonNull(subset, "subset")) m.record(r);
        return new MappedData(m.data, m.claimed, unit == null ? Map.of() : Map.of(sourceGraph(unit), m.sourceGraphView()));
    }

    /**
     * The same graph as {@link #sourceGraph()}, as a read-only view: the union of the data and claimed graphs
     * (not copied: a unit's whole output) and its PROV triples. For a unit's build, whose graphs are not changed
     * once mapped; its triples come data first, then claimed, then PROV, each once.
     */
    private Model sourceGraphView() {
        Model prov = ModelFactory.createDefaultModel();
        SourceProvenance.describe(prov, sourceGraph(unit), records.descriptors().get(unit));
        return ModelFactory.createModelForGraph(new org.apache.jena.graph.compose.Union(
                new org.apache.jena.graph.compose.Union(data.getGraph(), claimed.getGraph()), prov.getGraph()))
                .setNsPrefixes(Vocab.prefixes());
    }

    /** The graph of the source unit mapped: everything it asserts, established and contested, with its PROV. */
    private Model sourceGraph() {
        Model g = ModelFactory.createDefaultModel().setNsPrefixes(Vocab.prefixes());
        g.add(data).add(claimed);
        SourceProvenance.describe(g, sourceGraph(unit), records.descriptors().get(unit));
        return g;
    }

    private void record(LocatedRecord r) {
        Kind kind = r.kind();
        Records.DataRecord rec = r.record();
        model = claims.isContested(rec.id()) ? claimed : data;
        if (kind == Kind.WORKS && !records.canonicalWork(rec.id()).equals(rec.id())) {
            // a cited work that is a source of the corpus (its descriptor's citedAs): one entity, the source's
            // own work; the cited id stays a pointer the Linked Data surface answers with a permanent redirect
            model.createResource(Vocab.ID + rec.id()).addProperty(DCTerms.isReplacedBy, res(rec.id()));
            return;
        }
        Resource s = model.createResource(Vocab.ID + r.key());
        SourceDescriptor source = unit == null ? null : records.descriptors().get(unit);
        if (r.scoped() && source != null && source.keepsUnscopedIris()) {
            // published before issue #11 at …/id/{id}: that IRI stays, as a pointer the Linked Data surface
            // answers with a permanent redirect (docs/data-format.md "Identifiers")
            model.createResource(Vocab.ID + rec.id()).addProperty(DCTerms.isReplacedBy, s);
        }
        s.addProperty(RDF.type, blk(rec.type()));
        s.addProperty(SKOS.prefLabel, rec.label(), "en");
        s.addProperty(RDFS.label, rec.label(), "en");
        s.addLiteral(DCTerms.identifier, rec.id());
        rec.aliases().forEach(a -> s.addProperty(SKOS.altLabel, a, "en"));
        if (rec.description() != null) s.addProperty(DCTerms.description, rec.description(), "en");
        provenance(s, kind, rec);
        switch (kind) {
            case ACTORS -> actor(s, (Records.Actor) rec);
            case PLACES -> place(s, (Records.Place) rec);
            case TIES -> tie(s, (Records.Tie) rec);
            case EVENTS -> event(s, (Records.Event) rec);
            case CLAIMS -> claim(s, (Records.Claim) rec);
            case FIGURES -> figure(s, (Records.Figure) rec);
            case RECOMMENDATIONS -> recommendation(s, (Records.Recommendation) rec);
            case SECTIONS -> section(s, (Records.Section) rec);
            case FOOTNOTES -> footnote(s, (Records.Footnote) rec);
            case PARAGRAPHS -> paragraph(s, (Records.Paragraph) rec);
            case WORKS -> work(s, (Records.Work) rec);
            case LINKS -> externalLink(s, (Records.Link) rec);
        }
    }

    /**
     * The one place where a record's sources are written. Things (actors, places) get a record node
     * {@code {iri}/record} that carries the provenance and points at the thing with {@code foaf:primaryTopic};
     * statements (ties, events, claims, figures, recommendations, links) carry it themselves.
     */
    private void provenance(Resource s, Kind kind, Records.DataRecord rec) {
        if (rec.source().isEmpty()) return;
        Resource holder = s;
        if (kind == Kind.ACTORS || kind == Kind.PLACES) {
            holder = model.createResource(s.getURI() + "/record");
            holder.addProperty(RDF.type, blk("CuratedRecord"));
            holder.addProperty(FOAF_PRIMARY_TOPIC, s);
            holder.addProperty(RDFS.label, "record of " + rec.label(), "en");
            s.addProperty(blkProp("record"), holder);
        }
        for (Records.SourceRef src : rec.source()) {
            String cited = records.citedUnit(unit, src);
            Records.Section sec = records.section(cited, src.section());
            holder.addProperty(blkProp("citedSection"), apparatus(cited, sec.id()));
            // according to which source: the work of the source whose apparatus is cited
            if (sec.report() != null) holder.addProperty(DCTerms.source, res(sec.report()));
            for (Integer n : src.paragraphs()) {
                holder.addProperty(blkProp("citedParagraph"), apparatus(cited, records.paragraph(cited, src.section(), n).id()));
            }
            for (Integer n : src.footnotes()) {
                holder.addProperty(blkProp("citedFootnote"), apparatus(cited, records.footnote(cited, n).id()));
            }
        }
        if (rec.source().stream().allMatch(src -> Records.SourceRef.TITLE_ONLY.equals(src.support()))) {
            holder.addProperty(blkProp("support"), Vocab.concept("TitleOnly"));
        }
    }

    private void actor(Resource s, Records.Actor a) {
        instant(s, "founded", a.founded());
        instant(s, "dissolved", a.dissolved());
        link(s, blkProp("homeState"), a.country());
        boolean group = ontology.isSubClassOf(a.type(), "SocialGroup");
        links(s, group ? blkProp("subGroupOf") : ORG_SUB_ORG_OF, a.partOf());
        links(s, blkProp("basedIn"), a.basedIn());
        link(s, blkProp("territory"), a.territory());
    }

    private void place(Resource s, Records.Place p) {
        link(s, blkProp("within"), p.within()); // ⊑ geo:sfWithin, transitive: closure inferred
        if (p.point() != null) {
            Resource g = model.createResource(s.getURI() + "/geometry");
            s.addProperty(GEO_HAS_GEOMETRY, g);
            g.addProperty(RDF.type, GEO_GEOMETRY);
            g.addProperty(GEO_AS_WKT, model.createTypedLiteral(
                    "POINT(" + p.point().lon().toPlainString() + " " + p.point().lat().toPlainString() + ")", WKT));
            g.addProperty(blkProp("coordinateSource"), p.point().source());
        }
        if (p.outline() != null) {
            Resource g = model.createResource(s.getURI() + "/outline");
            s.addProperty(GEO_HAS_GEOMETRY, g);
            g.addProperty(RDF.type, GEO_GEOMETRY);
            g.addProperty(GEO_AS_WKT, model.createTypedLiteral(p.outline().wkt().strip(), WKT));
            g.addProperty(blkProp("coordinateSource"), p.outline().source());
        }
    }

    private void tie(Resource s, Records.Tie t) {
        link(s, blkProp("subject"), t.subject());
        link(s, blkProp("object"), t.object());
        if (t.objectDescription() != null) s.addProperty(blkProp("objectDescription"), t.objectDescription(), "en");
        Resource during = null;
        if (t.from() != null || t.to() != null) {
            during = interval(s, blkProp("during"), t.from(), t.to());
            spanBounds(s, t.from(), t.to());
        }
        if (Boolean.TRUE.equals(t.ended())) s.addLiteral(blkProp("ended"), true);
        if (t.attestedFrom() != null) {
            s.addLiteral(blkProp("attestedFrom"), date(DateValue.parse(t.attestedFrom()).earliest()));
        }
        if (t.office() != null) s.addProperty(blkProp("office"), t.office(), "en");
        if (ontology.isSubClassOf(t.type(), "Membership") || ontology.isSubClassOf(t.type(), "OfficeHolding")) {
            link(s, ORG_MEMBER, t.subject());
            link(s, ORG_ORGANIZATION, t.object());
            if (during != null) s.addProperty(ORG_MEMBER_DURING, during);
        }
        if (t.office() != null && ontology.isSubClassOf(t.type(), "OfficeHolding")) post(s, t);
        status(s, t.id(), t.accordingTo());
    }

    /** An org:Post per office and organisation, shared by every holder; the tie says who held it when. */
    private void post(Resource tie, Records.Tie t) {
        Resource post = model.createResource(Vocab.ID + "post-" + t.object() + "-" + slug(t.office()));
        post.addProperty(RDF.type, ORG_POST);
        String orgLabel = records.byId(t.object()).record().label();
        post.addProperty(SKOS.prefLabel, t.office() + ", " + orgLabel, "en");
        post.addProperty(RDFS.label, t.office() + ", " + orgLabel, "en");
        post.addProperty(ORG_POST_IN, res(t.object()));
        post.addProperty(ORG_HELD_BY, res(t.subject()));
        tie.addProperty(blkProp("post"), post);
    }

    /** blk:status, and for contested content blk:accordingTo derived from the claims (docs/ontology.md). */
    private void status(Resource s, String id, List<String> listed) {
        if (claims.isContested(id)) {
            s.addProperty(blkProp("status"), Vocab.concept("Contested"));
            claims.accordingTo(id, listed).forEach(a -> s.addProperty(blkProp("accordingTo"), res(a)));
        } else {
            s.addProperty(blkProp("status"), Vocab.concept("Established"));
        }
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private void event(Resource s, Records.Event e) {
        if (e.date() != null) {
            DateValue d = DateValue.parse(e.date());
            temporal(s, blkProp("date"), "date", d);
            bounds(s, d.earliest(), d.latest());
            spanBounds(s, e.date(), e.date());
        } else {
            interval(s, blkProp("date"), e.from(), e.to());
            DateValue from = DateValue.parse(e.from());
            DateValue to = e.to() == null ? null : DateValue.parse(e.to());
            bounds(s, from.earliest(), to == null ? from.latest() : to.latest());
            spanBounds(s, e.from(), e.to());
        }
        links(s, blkProp("place"), e.place());
        links(s, SEM_HAS_PLACE, e.place());
        status(s, e.id(), e.accordingTo());
        Model eventGraph = model;
        int i = 0;
        for (Records.Participant p : e.participants()) {
            i++;
            boolean contested = !p.accordingTo().isEmpty();
            Model target = contested ? claimed : eventGraph;
            // named by actor and role, not by position; the positional IRI published before stays as a
            // pointer (dct:isReplacedBy) so that it still dereferences (303 to the event)
            Resource part = target.createResource(s.getURI() + "/participation/" + p.actor() + "-" + slug(p.role()));
            target.createResource(s.getURI() + "/participation/" + i).addProperty(DCTerms.isReplacedBy, part);
            part.addProperty(RDF.type, blk("Participation"));
            part.addProperty(blkProp("agent"), res(p.actor()));
            part.addProperty(blkProp("role"), value(p.role(), "ParticipantRole"));
            if (contested) {
                part.addProperty(blkProp("status"), Vocab.concept("Contested"));
                p.accordingTo().stream().sorted().distinct().forEach(a -> part.addProperty(blkProp("accordingTo"), res(a)));
            } else if (claims.isContested(e.id())) {
                // a participation in contested content rests on the same word as the event
                part.addProperty(blkProp("status"), Vocab.concept("Contested"));
                claims.accordingTo(e.id(), e.accordingTo()).forEach(a -> part.addProperty(blkProp("accordingTo"), res(a)));
            } else {
                part.addProperty(blkProp("status"), Vocab.concept("Established"));
            }
            target.add(s, blkProp("qualifiedParticipation"), part);
            target.add(s, blkProp("hasParticipant"), res(p.actor()));
        }
        links(s, SEM_SUB_EVENT_OF, e.partOf());
        links(s, blkProp("triggeredBy"), e.causedBy());
        if (e.outcome() != null) s.addProperty(blkProp("outcome"), e.outcome(), "en");
    }

    private void claim(Resource s, Records.Claim c) {
        links(s, blkProp("claimant"), c.claimant());
        links(s, blkProp("accused"), c.accused());
        links(s, blkProp("content"), claims.contentOf(c.id()));
        if (c.act() != null) s.addProperty(blkProp("act"), value(c.act(), "ClaimTopic"));
        if (c.date() != null) {
            DateValue d = DateValue.parse(c.date());
            temporal(s, blkProp("date"), "date", d);
            bounds(s, d.earliest(), d.latest());
        }
        links(s, blkProp("about"), c.about());
        links(s, blkProp("respondsTo"), c.respondsTo());
        if (c.quote() != null) s.addProperty(blkProp("quote"), c.quote(), "en");
        s.addProperty(blkProp("stance"), value(ClaimContent.stance(c), "Stance"));
    }

    private void figure(Resource s, Records.Figure f) {
        s.addLiteral(blkProp("value"), decimal(f.value()));
        if (f.valueMax() != null) s.addLiteral(blkProp("valueMax"), decimal(f.valueMax()));
        observation(s, f);
        s.addProperty(blkProp("qualifier"), value(f.qualifier() == null ? "exact" : f.qualifier(), "ValueQualifier"));
        s.addProperty(blkProp("unit"), value(f.unit(), "Unit"));
        s.addProperty(blkProp("measure"), f.measure(), "en");
        link(s, blkProp("event"), f.event());
        if (f.period() != null) {
            if (Objects.equals(f.period().from(), f.period().to())) {
                DateValue d = DateValue.parse(f.period().from());
                temporal(s, blkProp("period"), "period", d);
                bounds(s, d.earliest(), d.latest());
            } else {
                interval(s, blkProp("period"), f.period().from(), f.period().to());
                DateValue from = f.period().from() == null ? null : DateValue.parse(f.period().from());
                DateValue to = f.period().to() == null ? null : DateValue.parse(f.period().to());
                if (from != null) s.addLiteral(blkProp("earliest"), date(from.earliest()));
                if (to != null) s.addLiteral(blkProp("latest"), date(to.latest()));
            }
        }
        links(s, blkProp("place"), f.place());
        links(s, blkProp("reportedBy"), f.reportedBy());
    }

    /**
     * SOSA: the observed property (one IRI per measure, so "the same quantity" is an IRI join), the
     * feature of interest (the event, else the places), and a result node: a simple result for a single
     * number, a schema:QuantitativeValue with min and max for a range.
     */
    private void observation(Resource s, Records.Figure f) {
        Resource property = model.createResource(Vocab.ID + "quantity-" + slug(f.measure()));
        property.addProperty(RDF.type, SOSA_OBSERVABLE_PROPERTY);
        property.addProperty(SKOS.prefLabel, f.measure(), "en");
        property.addProperty(RDFS.label, f.measure(), "en");
        s.addProperty(SOSA_OBSERVED_PROPERTY, property);
        if (f.event() != null) s.addProperty(SOSA_FEATURE_OF_INTEREST, res(f.event()));
        else links(s, SOSA_FEATURE_OF_INTEREST, f.place());
        if (f.valueMax() != null) {
            Resource result = model.createResource(s.getURI() + "/result");
            result.addProperty(RDF.type, SCHEMA_QUANTITATIVE_VALUE);
            result.addLiteral(SCHEMA_MIN_VALUE, decimal(f.value()));
            result.addLiteral(SCHEMA_MAX_VALUE, decimal(f.valueMax()));
            result.addProperty(blkProp("unit"), value(f.unit(), "Unit"));
            s.addProperty(SOSA_HAS_RESULT, result);
        } else {
            s.addLiteral(SOSA_HAS_SIMPLE_RESULT, decimal(f.value()));
        }
    }

    private void recommendation(Resource s, Records.Recommendation rec) {
        if (records.byId(REPORT_AUTHOR_ID) != null) s.addProperty(blkProp("recommendedBy"), res(REPORT_AUTHOR_ID));
        links(s, blkProp("addressedTo"), rec.addressedTo());
        links(s, blkProp("concerns"), rec.concerns());
        rec.topic().forEach(t -> s.addProperty(blkProp("topic"), value(t, "Topic")));
    }

    private void section(Resource s, Records.Section sec) {
        s.addProperty(blkProp("number"), sec.number());
        link(s, blkProp("parentSection"), sec.parent());
        link(s, blkProp("inReport"), sec.report());
    }

    private void footnote(Resource s, Records.Footnote f) {
        s.addLiteral(blkProp("number"), model.createTypedLiteral(f.number().toString(), XSDDatatype.XSDinteger));
        link(s, blkProp("referencedIn"), f.section());
        links(s, blkProp("cites"), f.cites());
    }

    private void paragraph(Resource s, Records.Paragraph p) {
        s.addLiteral(blkProp("number"), model.createTypedLiteral(p.number().toString(), XSDDatatype.XSDinteger));
        link(s, blkProp("inSection"), p.section());
        for (Integer n : p.footnotes()) {
            s.addProperty(blkProp("referencesFootnote"), apparatus(unit, records.footnote(unit, n).id()));
        }
    }

    private void work(Resource s, Records.Work w) {
        if (w.publisher() != null) s.addProperty(blkProp("publisherName"), w.publisher());
        w.author().forEach(a -> s.addProperty(blkProp("authorName"), a));
        if (w.date() != null && w.dateTo() != null) {
            interval(s, blkProp("date"), w.date(), w.dateTo());
        } else if (w.date() != null) {
            temporal(s, blkProp("date"), "date", DateValue.parse(w.date()));
        }
        if (w.interlocutor() != null) s.addProperty(blkProp("interlocutor"), w.interlocutor(), "en");
        if (w.location() != null) s.addProperty(blkProp("location"), w.location());
        if (w.mode() != null) s.addProperty(blkProp("interviewMode"), w.mode());
    }

    /** A link node (provenance of the mapping) and the mapping triple itself on the linked record (linkset). */
    private void externalLink(Resource s, Records.Link l) {
        ExternalIds.Predicate p = ExternalIds.Predicate.byToken(l.predicate());
        Resource target = model.createResource(ExternalIds.toIri(l.object()));
        link(s, blkProp("linkSubject"), l.subject());
        s.addProperty(blkProp("linkPredicate"), p.property());
        s.addProperty(blkProp("linkTarget"), target);
        s.addProperty(blkProp("verifiedLabel"), l.verifiedLabel());
        s.addProperty(blkProp("verifiedType"), l.verifiedType());
        s.addLiteral(blkProp("verifiedOn"), model.createTypedLiteral(l.verifiedOn(), XSDDatatype.XSDdate));
        s.addProperty(blkProp("verifiedVia"), l.verifiedVia());
        res(l.subject()).addProperty(p.property(), target);
    }

    // ---- helpers ----

    /** A controlled value, resolved through the ontology (checked before mapping). */
    private Resource value(String token, String scheme) {
        Resource r = ontology.resolveValue(token, scheme);
        if (r == null) throw new IllegalStateException("unchecked controlled value " + token + " of " + scheme);
        return r;
    }

    /**
     * A reference written in this unit: its own apparatus first, then the unscoped records (RecordSet); a work
     * cited by an id a source's descriptor lists in {@code citedAs} is that source's work.
     */
    private Resource res(String id) {
        String work = records.canonicalWork(id);
        if (!work.equals(id)) return model.createResource(Vocab.ID + work);   // a source's work (never scoped)
        LocatedRecord target = records.resolve(unit, id);
        return model.createResource(Vocab.ID + (target == null ? id : target.key()));
    }

    /** An apparatus record of unit {@code citedUnit} (empty or null: unscoped) by its local id. */
    private Resource apparatus(String citedUnit, String id) {
        LocatedRecord target = records.byId(RecordSet.keyIn(citedUnit, id));
        return model.createResource(Vocab.ID + (target == null ? id : target.key()));
    }

    private void link(Resource s, Property p, String id) {
        if (id != null) s.addProperty(p, res(id));
    }

    private void links(Resource s, Property p, List<String> ids) {
        ids.forEach(id -> link(s, p, id));
    }

    private void instant(Resource s, String prop, String raw) {
        if (raw != null) temporal(s, blkProp(prop), prop, DateValue.parse(raw));
    }

    /** A time:Instant carrying the date with its precision. */
    private void temporal(Resource s, Property p, String suffix, DateValue d) {
        s.addProperty(p, instantNode(s.getURI() + "/" + suffix, d));
    }

    private Resource instantNode(String uri, DateValue d) {
        Resource t = model.createResource(uri);
        t.addProperty(RDF.type, model.createResource(Vocab.TIME + "Instant"));
        switch (d.precision()) {
            case DAY -> t.addLiteral(Vocab.time("inXSDDate"), model.createTypedLiteral(d.xsdLexical(), XSDDatatype.XSDdate));
            case MONTH -> t.addLiteral(Vocab.time("inXSDgYearMonth"),
                    model.createTypedLiteral(d.xsdLexical(), XSDDatatype.XSDgYearMonth));
            case YEAR -> t.addLiteral(Vocab.time("inXSDgYear"), model.createTypedLiteral(d.xsdLexical(), XSDDatatype.XSDgYear));
            case DECADE -> { } // a decade is not a year: only its description, its text and its bounds
        }
        Resource unit = switch (d.precision()) {
            case DAY -> model.createResource(Vocab.TIME + "unitDay");
            case MONTH -> model.createResource(Vocab.TIME + "unitMonth");
            case YEAR -> model.createResource(Vocab.TIME + "unitYear");
            case DECADE -> blk("unitDecade");
        };
        Resource desc = model.createResource(uri + "/description");
        desc.addProperty(RDF.type, model.createResource(Vocab.TIME + (d.precision() == DateValue.Precision.DECADE
                ? "GeneralDateTimeDescription" : "DateTimeDescription")));
        desc.addProperty(Vocab.time("unitType"), unit);
        if (d.precision() != DateValue.Precision.DECADE) {
            desc.addLiteral(Vocab.time("year"), model.createTypedLiteral(
                    String.format("%04d", d.stated().getYear()), XSDDatatype.XSDgYear));
        }
        if (d.precision() == DateValue.Precision.MONTH || d.precision() == DateValue.Precision.DAY) {
            desc.addLiteral(Vocab.time("month"), model.createTypedLiteral(
                    String.format("--%02d", d.stated().getMonthValue()), XSDDatatype.XSDgMonth));
        }
        if (d.precision() == DateValue.Precision.DAY) {
            desc.addLiteral(Vocab.time("day"), model.createTypedLiteral(
                    String.format("---%02d", d.stated().getDayOfMonth()), XSDDatatype.XSDgDay));
        }
        t.addProperty(Vocab.time("inDateTime"), desc);
        if (d.qualifier() != null) t.addProperty(blkProp("dateQualifier"), d.qualifier());
        if (d.approximate()) t.addLiteral(blkProp("approximate"), true);
        t.addProperty(blkProp("dateText"), d.text());
        t.addLiteral(blkProp("earliest"), date(d.earliest()));
        t.addLiteral(blkProp("latest"), date(d.latest()));
        return t;
    }

    /** A time:Interval with its beginning and end instants (either may be open). */
    private Resource interval(Resource s, Property p, String from, String to) {
        Resource i = model.createResource(s.getURI() + "/interval");
        s.addProperty(p, i);
        i.addProperty(RDF.type, model.createResource(Vocab.TIME + "Interval"));
        if (from != null) i.addProperty(Vocab.time("hasBeginning"), instantNode(i.getURI() + "/begin", DateValue.parse(from)));
        if (to != null) i.addProperty(Vocab.time("hasEnd"), instantNode(i.getURI() + "/end", DateValue.parse(to)));
        return i;
    }

    /**
     * SEM-style bounds of a span (blk: sub-properties of sem:has…TimeStamp): earliest and latest begin from
     * {@code from}, earliest and latest end from {@code to}. blk:validFrom / blk:validUntil are the outer
     * bounds (earliest begin, latest end).
     */
    private void spanBounds(Resource s, String from, String to) {
        if (from != null) {
            DateValue b = DateValue.parse(from);
            s.addLiteral(blkProp("validFrom"), date(b.earliest()));
            s.addLiteral(blkProp("latestBegin"), date(b.latest()));
        }
        if (to != null) {
            DateValue e = DateValue.parse(to);
            s.addLiteral(blkProp("earliestEnd"), date(e.earliest()));
            s.addLiteral(blkProp("validUntil"), date(e.latest()));
        }
    }

    private void bounds(Resource s, java.time.LocalDate earliest, java.time.LocalDate latest) {
        s.addLiteral(blkProp("earliest"), date(earliest));
        s.addLiteral(blkProp("latest"), date(latest));
    }

    private Literal date(java.time.LocalDate d) {
        return model.createTypedLiteral(d.toString(), XSDDatatype.XSDdate);
    }

    private Literal decimal(BigDecimal v) {
        return model.createTypedLiteral(v.toPlainString(), XSDDatatype.XSDdecimal);
    }
}
