package kg.borderlands.ingest;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the paragraphs of the report's running text with a CommonMark parser (commonmark-java, through
 * {@link MarkdownLines}: paragraphs, footnote marks and bold lines come from the syntax tree) and anchors each to the
 * section it sits in and its ordinal there.
 *
 * <p>The report is a PDF conversion, so a page break can cut a paragraph in two, with the page's footnotes
 * printed in between. A CommonMark paragraph that starts with a lower-case letter, or that follows a body
 * paragraph ending without closing punctuation, continues the previous body paragraph of the same section.
 * Not counted as paragraphs: anything before the first section heading (title, table of contents), footnote
 * bodies (a paragraph opening with {@code <sup>N</sup>}), and lines that are bold as a whole (headings that
 * are not sections, the place-and-date signature).
 */
public final class ParagraphFinder {

    private static final Pattern CLOSED = Pattern.compile("[.?!:;\"”’)]\\s*$");

    /**
     * The paragraphs of {@code markdown}, in document order.
     *
     * @param sections the report's sections with the line of their heading (from {@link ReportParser})
     */
    public List<ReportParagraph> find(String markdown, List<ReportSection> sections) {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(sections, "sections");
        NavigableMap<Integer, String> sectionAt = new TreeMap<>();
        for (ReportSection s : sections) sectionAt.put(s.line(), s.number());

        // the lines of each CommonMark paragraph, classified from the syntax tree (MarkdownLines)
        Map<Integer, List<MarkdownLines.Line>> byParagraph = new LinkedHashMap<>();
        for (MarkdownLines.Line l : new MarkdownLines().read(markdown)) {
            if (l.paragraph() > 0) byParagraph.computeIfAbsent(l.paragraph(), k -> new ArrayList<>()).add(l);
        }

        Map<String, List<Draft>> bySection = new LinkedHashMap<>();
        Draft last = null;
        for (Map.Entry<Integer, List<MarkdownLines.Line>> para : byParagraph.entrySet()) {
            int first = para.getKey();
            List<MarkdownLines.Line> ls = para.getValue();
            Map.Entry<Integer, String> sec = sectionAt.floorEntry(first);
            if (sec == null) continue;
            // not running text: a footnote body, or lines bold as a whole (headings that are not sections, signature)
            if (ls.get(0).footnoteBody() != null || ls.stream().allMatch(l -> l.kind() == MarkdownLines.Kind.BOLD)) continue;
            String raw = String.join(" ", ls.stream().map(MarkdownLines.Line::raw).toList()).strip();
            String text = raw.replaceAll("(<sup>\\d+</sup>)+$", "").strip();   // the prose, for its punctuation
            if (text.isEmpty()) continue;
            List<Integer> refs = new ArrayList<>();
            ls.forEach(l -> refs.addAll(l.references()));
            boolean continues = last != null && last.section.equals(sec.getValue())
                    && (Character.isLowerCase(text.codePointAt(0)) || !CLOSED.matcher(last.lastText).find());
            if (continues) {
                last.footnotes.addAll(refs);
                last.lastText = text;
                continue;
            }
            List<Draft> list = bySection.computeIfAbsent(sec.getValue(), k -> new ArrayList<>());
            last = new Draft(sec.getValue(), list.size() + 1, first, refs, text);
            list.add(last);
        }
        List<ReportParagraph> out = new ArrayList<>();
        for (List<Draft> list : bySection.values()) {
            for (Draft d : list) out.add(new ReportParagraph(d.section, d.ordinal, d.line, d.footnotes));
        }
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    /** A paragraph being assembled from its page fragments. */
    private static final class Draft {
        final String section;
        final int ordinal;
        final int line;
        final List<Integer> footnotes;
        String lastText;

        Draft(String section, int ordinal, int line, List<Integer> footnotes, String text) {
            this.section = section;
            this.ordinal = ordinal;
            this.line = line;
            this.footnotes = new ArrayList<>(footnotes);
            this.lastText = text;
        }
    }
}
