package kg.borderlands.ingest;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the paragraphs of the report's running text with a CommonMark parser (commonmark-java) and anchors
 * each to the section it sits in and its ordinal there.
 *
 * <p>The report is a PDF conversion, so a page break can cut a paragraph in two, with the page's footnotes
 * printed in between. A CommonMark paragraph that starts with a lower-case letter, or that follows a body
 * paragraph ending without closing punctuation, continues the previous body paragraph of the same section.
 * Not counted as paragraphs: anything before the first section heading (title, table of contents), footnote
 * bodies (a paragraph opening with {@code <sup>N</sup>}), and lines that are bold as a whole (headings that
 * are not sections, the place-and-date signature).
 */
public final class ParagraphFinder {

    private static final Pattern FOOTNOTE_BODY = Pattern.compile("^<sup>\\d+</sup>");
    private static final Pattern FOOTNOTE_REF = Pattern.compile("<sup>(\\d+)</sup>");
    private static final Pattern WHOLE_BOLD = Pattern.compile("^(?:\\*\\*.*\\*\\*|__.*__|<b>.*</b>)$");
    private static final Pattern CLOSED = Pattern.compile("[.?!:;\"”’)]\\s*$");

    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /**
     * The paragraphs of {@code markdown}, in document order.
     *
     * @param sections the report's sections with the line of their heading (from {@link ReportParser})
     */
    public List<ReportParagraph> find(String markdown, List<ReportSection> sections) {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(sections, "sections");
        String[] lines = markdown.split("\\R", -1);
        NavigableMap<Integer, String> sectionAt = new TreeMap<>();
        for (ReportSection s : sections) sectionAt.put(s.line(), s.number());

        List<int[]> spans = new ArrayList<>();      // {first line, last line}, 1-based
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                List<SourceSpan> ss = paragraph.getSourceSpans();
                if (!ss.isEmpty()) {
                    spans.add(new int[] {ss.get(0).getLineIndex() + 1, ss.get(ss.size() - 1).getLineIndex() + 1});
                }
            }
        });

        Map<String, List<Draft>> bySection = new LinkedHashMap<>();
        Draft last = null;
        for (int[] span : spans) {
            Map.Entry<Integer, String> sec = sectionAt.floorEntry(span[0]);
            if (sec == null) continue;
            String raw = text(lines, span);
            String text = raw.replaceAll("(<sup>\\d+</sup>)+$", "").strip();
            if (text.isEmpty() || FOOTNOTE_BODY.matcher(text).find() || WHOLE_BOLD.matcher(text).matches()) continue;
            List<Integer> refs = new ArrayList<>();
            Matcher m = FOOTNOTE_REF.matcher(raw);
            while (m.find()) refs.add(Integer.parseInt(m.group(1)));
            boolean continues = last != null && last.section.equals(sec.getValue())
                    && (Character.isLowerCase(text.codePointAt(0)) || !CLOSED.matcher(last.lastText).find());
            if (continues) {
                last.footnotes.addAll(refs);
                last.lastText = text;
                continue;
            }
            List<Draft> list = bySection.computeIfAbsent(sec.getValue(), k -> new ArrayList<>());
            last = new Draft(sec.getValue(), list.size() + 1, span[0], refs, text);
            list.add(last);
        }
        List<ReportParagraph> out = new ArrayList<>();
        for (List<Draft> list : bySection.values()) {
            for (Draft d : list) out.add(new ReportParagraph(d.section, d.ordinal, d.line, d.footnotes));
        }
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    private static String text(String[] lines, int[] span) {
        StringBuilder sb = new StringBuilder();
        for (int i = span[0]; i <= span[1] && i <= lines.length; i++) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(lines[i - 1].strip());
        }
        return sb.toString().strip();
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
