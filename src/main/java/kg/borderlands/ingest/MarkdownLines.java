package kg.borderlands.ingest;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report's markdown as a CommonMark parser (commonmark-java) sees it, flattened into its lines in document
 * order, each classified from the syntax tree rather than by pattern-matching the text: a heading (ATX or setext,
 * with its level and plain text), a line that is bold as a whole ({@code **…**}, {@code __…__} or
 * {@code <b>…</b>}: the converted report's headings are often such lines), or a line of text; for a line of text,
 * whether it opens with a footnote mark ({@code <sup>N</sup>}: a footnote body) and the footnote marks it holds
 * (inline references). A paragraph's lines are cut at its soft and hard line breaks, because the PDF conversion
 * prints consecutive footnote bodies on consecutive lines of one paragraph.
 */
final class MarkdownLines {
    enum Kind { HEADING, BOLD, TEXT }

    /**
     * One line.
     *
     * @param number       1-based line number in the markdown
     * @param kind         what the syntax tree says the line is
     * @param level        heading level (1–6), 0 for other lines
     * @param text         plain text of a heading or bold line (emphasis and tags dropped), else the raw line
     * @param raw          the line as written, stripped
     * @param footnoteBody the number of the footnote whose body this line is, else {@code null}
     * @param bodyText     the raw text after the footnote mark of a body line, else {@code null}
     * @param references   footnote numbers marked inline on the line (a body's own mark excluded)
     * @param paragraph    the line number of the first line of the CommonMark paragraph holding this line, 0 for a
     *                     line outside paragraphs (headings, code, HTML blocks)
     */
    record Line(int number, Kind kind, int level, String text, String raw, Integer footnoteBody, String bodyText,
                List<Integer> references, int paragraph) {}

    private final Parser parser = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    List<Line> read(String markdown) {
        Objects.requireNonNull(markdown, "markdown");
        String[] source = markdown.split("\\R", -1);
        List<Line> out = new ArrayList<>();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                List<Node> inlines = children(heading);
                int n = lineOf(heading);
                out.add(new Line(n, Kind.HEADING, heading.getLevel(), plain(inlines), raw(source, n), null, null,
                        marks(inlines, false), 0));
            }

            @Override
            public void visit(Paragraph paragraph) {
                int first = lineOf(paragraph);
                List<Node> line = new ArrayList<>();
                for (Node c : children(paragraph)) {
                    if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                        add(line, first);
                        line = new ArrayList<>();
                    } else {
                        line.add(c);
                    }
                }
                add(line, first);
            }

            private void add(List<Node> inlines, int paragraph) {
                List<Node> content = inlines.stream().filter(n -> !blank(n)).toList();
                if (content.isEmpty()) return;
                int n = lineOf(content.get(0));
                String raw = raw(source, n);
                if (content.size() == 1 && content.get(0) instanceof StrongEmphasis bold) {
                    out.add(new Line(n, Kind.BOLD, 0, plain(children(bold)), raw, null, null, marks(inlines, false), paragraph));
                    return;
                }
                if (content.size() >= 3 && isTag(content.get(0), "<b>") && isTag(content.get(content.size() - 1), "</b>")) {
                    out.add(new Line(n, Kind.BOLD, 0, plain(content.subList(1, content.size() - 1)), raw, null, null,
                            marks(inlines, false), paragraph));
                    return;
                }
                Integer body = markAt(content, 0);
                String bodyText = null;
                if (body != null) {
                    SourceSpan end = content.get(2).getSourceSpans().isEmpty() ? null : content.get(2).getSourceSpans().get(0);
                    String line = source[n - 1];
                    bodyText = end == null ? raw : line.substring(Math.min(line.length(), end.getColumnIndex() + end.getLength())).strip();
                }
                out.add(new Line(n, Kind.TEXT, 0, raw, raw, body, bodyText, marks(inlines, body != null), paragraph));
            }

            // blocks the report does not use for its text: their lines are text lines with no marks
            @Override
            public void visit(IndentedCodeBlock block) {
                verbatim(block);
            }

            @Override
            public void visit(FencedCodeBlock block) {
                verbatim(block);
            }

            @Override
            public void visit(HtmlBlock block) {
                verbatim(block);
            }

            @Override
            public void visit(ThematicBreak block) {
                verbatim(block);
            }

            private void verbatim(Block block) {
                for (SourceSpan s : block.getSourceSpans()) {
                    String raw = raw(source, s.getLineIndex() + 1);
                    if (!raw.isEmpty()) out.add(new Line(s.getLineIndex() + 1, Kind.TEXT, 0, raw, raw, null, null, List.of(), 0));
                }
            }
        });
        out.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return out;
    }

    private static List<Node> children(Node parent) {
        List<Node> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) out.add(c);
        return out;
    }

    private static int lineOf(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    private static String raw(String[] source, int lineNo) {
        return lineNo >= 1 && lineNo <= source.length ? source[lineNo - 1].strip() : "";
    }

    private static boolean blank(Node n) {
        return n instanceof Text t && t.getLiteral().isBlank();
    }

    private static boolean isTag(Node n, String tag) {
        return n instanceof HtmlInline h && h.getLiteral().equalsIgnoreCase(tag);
    }

    /** The footnote number of a mark {@code <sup>N</sup>} starting at {@code nodes[i]}, else {@code null}. */
    private static Integer markAt(List<Node> nodes, int i) {
        if (i + 2 >= nodes.size() || !isTag(nodes.get(i), "<sup>") || !isTag(nodes.get(i + 2), "</sup>")) return null;
        if (!(nodes.get(i + 1) instanceof Text t)) return null;
        String digits = t.getLiteral().strip();
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) return null;
        return Integer.valueOf(digits);
    }

    /** Every footnote mark among {@code nodes} and their descendants, in order (the first skipped for a body). */
    private static List<Integer> marks(List<Node> nodes, boolean skipFirst) {
        List<Node> flat = new ArrayList<>();
        for (Node n : nodes) flatten(n, flat);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            Integer m = markAt(flat, i);
            if (m != null) out.add(m);
        }
        return skipFirst && !out.isEmpty() ? out.subList(1, out.size()) : out;
    }

    private static void flatten(Node n, List<Node> out) {
        if (n.getFirstChild() == null) {
            out.add(n);
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) flatten(c, out);
        }
    }

    /** The plain text of inline nodes: text and code, without emphasis markers or tags. */
    private static String plain(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) plain(n, sb);
        return sb.toString().strip();
    }

    private static void plain(Node n, StringBuilder sb) {
        if (n instanceof Text t) sb.append(t.getLiteral());
        else if (n instanceof Code c) sb.append(c.getLiteral());
        else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) sb.append(' ');
        else for (Node c = n.getFirstChild(); c != null; c = c.getNext()) plain(c, sb);
    }
}
