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
import java.util.List;
import java.util.Objects;

import static kg.borderlands.Vocab.blk;
import static kg.borderlands.Vocab.blkProp;

/**
 * Maps checked records to RDF following the ontology (see the mapping table in {@code docs/data-format.md}).
 * Pure: the same records always give the same triples.
 */
public final class RdfMapper {
    /** The report whose recommendations these are; recorded as their author. */
    public static final String REPORT_AUTHOR_ID = "crisis-group";

    private static final Property SEM_SUB_EVENT_OF = Vocab.prop(Vocab.SEM, "subEventOf");
    private static final Property ORG_SUB_ORG_OF = Vocab.prop(Vocab.ORG, "subOrganizationOf");
        private static final Property GEO_HAS_GEOMETRY = Vocab.prop(Vocab.GEO, "hasGeometry");
    private static final Property GEO_AS_WKT = Vocab.prop(Vocab.GEO, "asWKT");
    private static final Resource GEO_GEOMETRY = Vocab.prop(Vocab.GEO, "Geometry");
    private static final String WKT = Vocab.GEO + "wktLiteral";

    private final RecordSet records;
    private final OntologyIndex ontology;
    private final Model model = ModelFactory.createDefaultModel();

    private RdfMapper(RecordSet records, OntologyIndex ontology) {
        this.records = records;
        this.ontology = ontology;
        model.setNsPrefixes(Vocab.prefixes());
    }

    /** Maps every record of the set. */
    public static Model map(RecordSet records, OntologyIndex ontology) {
        RdfMapper m = new RdfMapper(Objects.requireNonNull(records, "records"), Objects.requireNonNull(ontology, "ontology"));
        for (LocatedRecord r : records.all()) m.record(r.kind(), r.record());
        return m.model;
    }

    private void record(Kind kind, Records.DataRecord rec) {
        Resource s = res(rec.id());
        s.addProperty(RDF.type, blk(rec.type()));
        s.addProperty(SKOS.prefLabel, rec.label(), "en");
        s.addProperty(RDFS.label, rec.label(), "en");
        s.addLiteral(DCTerms.identifier, rec.id());
        rec.aliases().forEach(a -> s.addProperty(SKOS.altLabel, a, "en"));
        if (rec.description() != null) s.addProperty(DCTerms.description, rec.description(), "en");
        for (Records.SourceRef src : rec.source()) {
            Records.Section sec = records.sectionsByNumber().get(src.section());
            s.addProperty(blkProp("citedSection"), res(sec.id()));
            for (Integer n : src.paragraphs()) {
                s.addProperty(blkProp("citedParagraph"), res(records.paragraph(src.section(), n).id()));
            }
            for (Integer n : src.footnotes()) {
                s.addProperty(blkProp("citedFootnote"), res(records.footnotesByNumber().get(n).id()));
            }
        }
        if (!rec.source().isEmpty()
                && rec.source().stream().allMatch(src -> Records.SourceRef.TITLE_ONLY.equals(src.support()))) {
            s.addProperty(blkProp("support"), blk("TitleOnly"));
        }
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

    private void actor(Resource s, Records.Actor a) {
        instant(s, "founded", a.founded());
        instant(s, "dissolved", a.dissolved());
        link(s, blkProp("country"), a.country());
        links(s, ORG_SUB_ORG_OF, a.partOf());
        links(s, blkProp("basedIn"), a.basedIn());
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
        if (t.from() != null || t.to() != null) {
            interval(s, blkProp("during"), t.from(), t.to());
            if (t.from() != null) s.addLiteral(blkProp("validFrom"), date(DateValue.parse(t.from()).earliest()));
            if (t.to() != null) s.addLiteral(blkProp("validUntil"), date(DateValue.parse(t.to()).latest()));
        }
        if (t.attestedFrom() != null) {
            s.addLiteral(blkProp("attestedFrom"), date(DateValue.parse(t.attestedFrom()).earliest()));
        }
        if (t.office() != null) s.addProperty(blkProp("office"), t.office(), "en");
        links(s, blkProp("accordingTo"), t.accordingTo());
    }

    private void event(Resource s, Records.Event e) {
        if (e.date() != null) {
            DateValue d = DateValue.parse(e.date());
            temporal(s, blkProp("date"), "date", d);
            bounds(s, d.earliest(), d.latest());
        } else {
            interval(s, blkProp("date"), e.from(), e.to());
            DateValue from = DateValue.parse(e.from());
            DateValue to = e.to() == null ? null : DateValue.parse(e.to());
            bounds(s, from.earliest(), to == null ? from.latest() : to.latest());
        }
        links(s, blkProp("place"), e.place());
        int i = 0;
        for (Records.Participant p : e.participants()) {
            Resource part = model.createResource(s.getURI() + "/participation/" + (++i));
            part.addProperty(RDF.type, blk("Participation"));
            part.addProperty(blkProp("agent"), res(p.actor()));
            part.addProperty(blkProp("role"), value(p.role(), "ParticipantRole"));
            s.addProperty(blkProp("qualifiedParticipation"), part);
            s.addProperty(blkProp("hasParticipant"), res(p.actor()));
        }
        links(s, SEM_SUB_EVENT_OF, e.partOf());
        links(s, blkProp("triggeredBy"), e.causedBy());
        if (e.outcome() != null) s.addProperty(blkProp("outcome"), e.outcome(), "en");
    }

    private void claim(Resource s, Records.Claim c) {
        links(s, blkProp("claimant"), c.claimant());
        links(s, blkProp("accused"), c.accused());
        if (c.act() != null) s.addProperty(blkProp("act"), value(c.act(), "ClaimTopic"));
        if (c.date() != null) {
            DateValue d = DateValue.parse(c.date());
            temporal(s, blkProp("date"), "date", d);
            bounds(s, d.earliest(), d.latest());
        }
        links(s, blkProp("about"), c.about());
        links(s, blkProp("respondsTo"), c.respondsTo());
        if (c.quote() != null) s.addProperty(blkProp("quote"), c.quote(), "en");
        s.addProperty(blkProp("stance"), value(c.stance() != null ? c.stance() : defaultStance(c.type()), "Stance"));
    }

    /** The stance a claim type implies when none is given. */
    static String defaultStance(String type) {
        return switch (type) {
            case "Denial" -> "Denies";
            case "CounterClaim" -> "Disputes";
            case "Acknowledgement" -> "Acknowledges";
            default -> "Asserts";
        };
    }

    private void figure(Resource s, Records.Figure f) {
        s.addLiteral(blkProp("value"), decimal(f.value()));
        if (f.valueMax() != null) s.addLiteral(blkProp("valueMax"), decimal(f.valueMax()));
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
            s.addProperty(blkProp("referencesFootnote"), res(records.footnotesByNumber().get(n).id()));
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

    /** A link node (provenance of the mapping) and the mapping triple itself on the linked record. */
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

    private Resource res(String id) {
        return model.createResource(Vocab.ID + id);
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
            default -> t.addLiteral(Vocab.time("inXSDgYear"), model.createTypedLiteral(d.xsdLexical(), XSDDatatype.XSDgYear));
        }
        Resource unit = switch (d.precision()) {
            case DAY -> model.createResource(Vocab.TIME + "unitDay");
            case MONTH -> model.createResource(Vocab.TIME + "unitMonth");
            case YEAR -> model.createResource(Vocab.TIME + "unitYear");
            case DECADE -> blk("unitDecade");
        };
        t.addProperty(Vocab.time("unitType"), unit);
        if (d.qualifier() != null) t.addProperty(blkProp("dateQualifier"), d.qualifier());
        if (d.approximate()) t.addLiteral(blkProp("approximate"), true);
        t.addProperty(blkProp("dateText"), d.text());
        t.addLiteral(blkProp("earliest"), date(d.earliest()));
        t.addLiteral(blkProp("latest"), date(d.latest()));
        return t;
    }

    /** A time:Interval with its beginning and end instants (either may be open). */
    private void interval(Resource s, Property p, String from, String to) {
        Resource i = model.createResource(s.getURI() + "/interval");
        s.addProperty(p, i);
        i.addProperty(RDF.type, model.createResource(Vocab.TIME + "Interval"));
        if (from != null) i.addProperty(Vocab.time("hasBeginning"), instantNode(i.getURI() + "/begin", DateValue.parse(from)));
        if (to != null) i.addProperty(Vocab.time("hasEnd"), instantNode(i.getURI() + "/end", DateValue.parse(to)));
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
