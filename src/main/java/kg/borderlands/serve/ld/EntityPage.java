package kg.borderlands.serve.ld;

import kg.borderlands.serve.ld.EntityView.ClaimView;
import kg.borderlands.serve.ld.EntityView.EventRole;
import kg.borderlands.serve.ld.EntityView.Fact;
import kg.borderlands.serve.ld.EntityView.FigureView;
import kg.borderlands.serve.ld.EntityView.Link;
import kg.borderlands.serve.ld.EntityView.Ref;
import kg.borderlands.serve.ld.EntityView.SourceView;
import kg.borderlands.serve.ld.EntityView.Term;
import kg.borderlands.serve.ld.EntityView.TieView;
import kg.borderlands.serve.ld.EntityView.Value;
import kg.borderlands.serve.ld.EntityView.WorkRef;

import java.util.List;
import java.util.stream.Collectors;

/** Renders an {@link EntityView} as a stand-alone HTML page (the Linked Data page of a record). */
public final class EntityPage {
    /** The page style, a file of the explorer (the Content-Security-Policy allows no inline style). */
    static final String STYLESHEET = "<link rel=\"stylesheet\" href=\"/explorer/entity.css\">";

    private EntityPage() {}

    public static String render(EntityView v) {
        Html h = new Html();
        h.raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(v.label()).raw(" — borderlands-kg</title>")
                .raw("<link rel=\"alternate\" type=\"text/turtle\" href=\"").text(v.page() + ".ttl").raw("\">")
                .raw("<link rel=\"alternate\" type=\"application/ld+json\" href=\"").text(v.page() + ".jsonld").raw("\">")
                .raw(STYLESHEET).raw("</head><body>")
                .raw("<header class=\"top\"><a href=\"/\">borderlands-kg</a>")
                .link("/#/entity/" + v.id(), "open in the explorer").raw("</header><main>");
        h.raw("<h1>").text(v.label()).raw("</h1>");
        h.raw("<p class=\"meta\">").text(v.type() == null ? v.kind() : v.type().label()).raw(" (").text(v.kind())
                .raw(") · <code>").text(v.iri()).raw("</code></p>");
        if (!v.aliases().isEmpty()) h.raw("<p class=\"meta\">Also known as: ").text(String.join("; ", v.aliases())).raw("</p>");
        if (v.description() != null) h.raw("<p class=\"description\">").text(v.description()).raw("</p>");
        h.raw("<p class=\"meta\">This record as ").link(v.page() + ".ttl", "Turtle").raw(", ")
                .link(v.page() + ".jsonld", "JSON-LD").raw(", ").link("/api/entity/" + v.id(), "JSON (API)").raw("</p>");

        facts(h, v.facts());
        ties(h, "outgoing", "Relations from " + v.label(), v.outgoingTies(), "to");
        ties(h, "incoming", "Relations to " + v.label(), v.incomingTies(), "from");
        claims(h, "claims-made", "Claims made by " + v.label(), v.claimsMade());
        claims(h, "claims-received", "Claims made about " + v.label(), v.claimsReceived());
        events(h, v.events());
        figures(h, v.figures());
        if (!v.recommendations().isEmpty()) {
            h.raw("<section id=\"recommendations\"><h2>Recommendations addressed to ").text(v.label()).raw("</h2><ul>");
            for (Ref r : v.recommendations()) h.raw("<li>").raw(ref(r)).raw("</li>");
            h.raw("</ul></section>");
        }
        if (!v.referencedBy().isEmpty()) {
            h.raw("<section id=\"references\"><h2>Referenced by</h2><table><tr><th>record</th><th>as</th></tr>");
            for (Fact f : v.referencedBy()) h.raw("<tr><td>").raw(ref(f.from())).raw("</td><td>").text(f.property().label()).raw("</td></tr>");
            h.raw("</table></section>");
        }
        sources(h, v);
        h.raw("<section id=\"links\"><h2>External links</h2>");
        if (v.externalLinks().isEmpty()) h.raw("<p class=\"none\">none recorded</p>");
        else {
            h.raw("<ul>");
            for (Link l : v.externalLinks()) h.raw("<li>").text(l.property().name()).raw(" ").link(l.iri(), l.iri()).raw("</li>");
            h.raw("</ul>");
        }
        h.raw("</section></main></body></html>\n");
        return h.toString();
    }

    /** A small error page (404, 406) in the same style. */
    public static String error(int status, String code, String message) {
        return new Html().raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .text(status + " — borderlands-kg").raw("</title>").raw(STYLESHEET).raw("</head><body>")
                .raw("<header class=\"top\"><a href=\"/\">borderlands-kg</a></header><main><h1>").text(Integer.toString(status))
                .raw("</h1><p>").text(message).raw("</p><p class=\"meta\">").text(code).raw("</p></main></body></html>\n")
                .toString();
    }

    private static void facts(Html h, List<Fact> facts) {
        if (facts.isEmpty()) return;
        h.raw("<section id=\"facts\"><h2>Statements</h2><table><tr><th>property</th><th>value</th></tr>");
        for (Fact f : facts) h.raw("<tr><td>").text(f.property().label()).raw("</td><td>").raw(value(f.value())).raw("</td></tr>");
        h.raw("</table></section>");
    }

    private static void ties(Html h, String id, String title, List<TieView> ties, String otherHeading) {
        h.raw("<section id=\"").text(id).raw("\"><h2>").text(title).raw("</h2>");
        if (ties.isEmpty()) {
            h.raw("<p class=\"none\">none</p></section>");
            return;
        }
        h.raw("<table><tr><th>relation</th><th>").text(otherHeading)
                .raw("</th><th>dates</th><th>office</th><th>status</th><th>sources</th><th>tie</th></tr>");
        for (TieView t : ties) {
            h.raw("<tr><td class=\"kind\">").text(t.kind() == null ? "" : t.kind().label()).raw("</td><td>").raw(ref(t.other()))
                    .raw("</td><td class=\"dates\">").text(dates(t.fromText(), t.untilText()))
                    .text(t.attestedFrom() == null ? "" : "attested from " + t.attestedFrom() + " (start not given)")
                    .raw("</td><td>").text(t.office())
                    .raw("</td><td>");
            if (t.contested()) {
                h.raw("<span class=\"contested\" title=\"asserted only by these actors\">contested</span> according to ")
                        .raw(refs(t.accordingTo()));
            }
            h.raw("</td><td class=\"fn\">").raw(footnotes(t.footnoteRefs(), t.sections())).raw("</td><td>")
                    .link("/id/" + t.id(), "details").raw("</td></tr>");
        }
        h.raw("</table></section>");
    }

    private static void claims(Html h, String id, String title, List<ClaimView> claims) {
        if (claims.isEmpty()) return;
        h.raw("<section id=\"").text(id).raw("\"><h2>").text(title).raw("</h2><ul class=\"claims\">");
        for (ClaimView c : claims) claim(h, c);
        h.raw("</ul></section>");
    }

    private static void claim(Html h, ClaimView c) {
        h.raw("<li><span class=\"ctype\">").text(c.type() == null ? "claim" : c.type().label()).raw("</span>")
                .link("/id/" + c.id(), c.label());
        h.raw("<div class=\"meta\">");
        if (c.date() != null) h.text(c.date()).raw(" · ");
        h.raw("by ").raw(refs(c.claimants()));
        if (!c.accused().isEmpty()) h.raw(" · about ").raw(refs(c.accused()));
        if (c.act() != null) h.raw(" · ").text(c.act().label());
        if (c.respondsTo() != null) h.raw(" · answers ").raw(ref(c.respondsTo()));
        h.raw(" · <span class=\"fn\">").raw(footnotes(c.footnoteRefs(), c.sections())).raw("</span></div>");
        if (c.quote() != null) h.raw("<blockquote>“").text(c.quote()).raw("”</blockquote>");
        if (!c.responses().isEmpty()) {
            h.raw("<ul>");
            for (ClaimView r : c.responses()) claim(h, r);
            h.raw("</ul>");
        }
        h.raw("</li>");
    }

    private static void events(Html h, List<EventRole> events) {
        if (events.isEmpty()) return;
        h.raw("<section id=\"events\"><h2>Events</h2><table><tr><th>date</th><th>event</th><th>role</th><th>place</th><th>sources</th></tr>");
        for (EventRole e : events) {
            h.raw("<tr><td class=\"dates\">").text(e.date()).raw("</td><td>").raw(ref(e.event())).raw("</td><td>")
                    .text(e.roles().stream().map(Term::label).collect(Collectors.joining(", "))).raw("</td><td>")
                    .raw(refs(e.places())).raw("</td><td class=\"fn\">").raw(footnotes(e.footnoteRefs(), List.of())).raw("</td></tr>");
        }
        h.raw("</table></section>");
    }

    private static void figures(Html h, List<FigureView> figures) {
        if (figures.isEmpty()) return;
        h.raw("<section id=\"figures\"><h2>Figures reported</h2><table><tr><th>measure</th><th>value</th><th>event</th><th>period</th><th>reported by</th><th>sources</th></tr>");
        for (FigureView f : figures) {
            String value = (f.qualifier() == null || "exact".equalsIgnoreCase(f.qualifier().label()) ? "" : f.qualifier().label() + " ")
                    + f.value() + (f.valueMax() == null ? "" : "–" + f.valueMax()) + (f.unit() == null ? "" : " " + f.unit().label());
            h.raw("<tr><td>").link("/id/" + f.figure().id(), f.measure() == null ? f.figure().label() : f.measure())
                    .raw("</td><td>").text(value).raw("</td><td>").raw(ref(f.event())).raw("</td><td>").text(f.period())
                    .raw("</td><td>").raw(refs(f.reportedBy())).raw("</td><td class=\"fn\">")
                    .raw(footnotes(f.footnoteRefs(), List.of())).raw("</td></tr>");
        }
        h.raw("</table></section>");
    }

    private static void sources(Html h, EntityView v) {
        h.raw("<section id=\"sources\"><h2>Sources in the report</h2>");
        if (!v.sections().isEmpty()) {
            h.raw("<p>Sections: ");
            boolean first = true;
            for (var s : v.sections()) {
                if (!first) h.raw("; ");
                first = false;
                h.link("/id/" + s.id(), s.number() + " " + s.label());
            }
            h.raw("</p>");
        }
        if (!v.paragraphs().isEmpty()) {
            h.raw("<p>Paragraphs: ").text("§ " + String.join("; ", v.paragraphs())).raw("</p>");
        }
        if (v.sources().isEmpty()) h.raw("<p class=\"none\">no footnote cited</p>");
        else {
            h.raw("<ol class=\"sources\">");
            for (SourceView s : v.sources()) {
                h.raw("<li id=\"fn-").text(Integer.toString(s.footnote())).raw("\">").link("/id/" + s.id(), "Footnote " + s.footnote());
                if (s.section() != null) h.raw(" (section ").text(s.section().number()).raw(")");
                if (!s.works().isEmpty()) {
                    h.raw("<ul>");
                    for (WorkRef w : s.works()) {
                        h.raw("<li>").link("/id/" + w.id(), w.label());
                        String pub = w.publisher() == null ? "" : w.publisher();
                        String date = w.date() == null ? "" : w.date();
                        if (!pub.isEmpty() || !date.isEmpty()) h.raw(" — ").text((pub + (pub.isEmpty() || date.isEmpty() ? "" : ", ") + date));
                        if (w.type() != null) h.raw(" <span class=\"ctype\">").text(w.type().label()).raw("</span>");
                        h.raw("</li>");
                    }
                    h.raw("</ul>");
                }
                h.raw("</li>");
            }
            h.raw("</ol>");
        }
        h.raw("</section>");
    }

    private static String value(Value v) {
        if (v == null) return "";
        if (v.ref() != null) {
            String s = ref(v.ref());
            return v.term() == null ? s : s + " (" + Html.esc(v.term().label()) + ")";
        }
        if (v.term() != null) return Html.esc(v.term().label());
        return Html.esc(v.literal());
    }

    private static String ref(Ref r) {
        if (r == null) return "";
        return "<a href=\"/id/" + Html.esc(r.id()) + "\">" + Html.esc(r.label()) + "</a>";
    }

    private static String refs(List<Ref> refs) {
        return refs.stream().map(EntityPage::ref).collect(Collectors.joining(", "));
    }

    /** "§ II.B ¶4, fn 22": the cited sections with their paragraphs, then the footnotes (linked by their ids). */
    private static String footnotes(List<kg.borderlands.analyse.FootnoteRef> fns, List<String> sections) {
        StringBuilder sb = new StringBuilder();
        if (!sections.isEmpty()) {
            sb.append("<span class=\"meta\">§ ").append(Html.esc(String.join("; ", sections)))
                    .append(fns.isEmpty() ? "" : ",").append("</span> ");
        }
        // each footnote links to its own IRI, inside its source's space (…/id/icg-asia-354/fn-32), read from the data
        for (kg.borderlands.analyse.FootnoteRef f : fns) {
            sb.append("<a href=\"/id/").append(Html.esc(f.id())).append("\" title=\"").append(Html.esc(f.id()))
                    .append("\">fn ").append(f.number()).append("</a>");
        }
        return sb.toString();
    }

    private static String dates(String from, String until) {
        if (from == null && until == null) return "";
        return (from == null ? "…" : from) + " – " + (until == null ? "…" : until);
    }
}
