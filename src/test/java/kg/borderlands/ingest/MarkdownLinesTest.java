package kg.borderlands.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The report's markdown structure from the CommonMark syntax tree, not from line patterns. */
class MarkdownLinesTest {
    private static final String MD = """
            # Title *with* emphasis

            ## II. **The Armed Groups**

            **A. Allegiances**
            Text with two marks.<sup>2</sup> And more<sup>3</sup>
            <sup>2</sup> First body, *Dawn*, 1 May 2030.
            <sup>3</sup>Second body without a space.

            <b>B. Strikes</b>

            Setext heading
            --------------

                indented <sup>9</sup> is code, not a mark
            """;

    @Test
    void linesAreClassifiedFromTheSyntaxTree() {
        List<MarkdownLines.Line> lines = new MarkdownLines().read(MD);
        assertEquals(List.of(1, 3, 5, 6, 7, 8, 10, 12, 15), lines.stream().map(MarkdownLines.Line::number).toList());

        assertEquals(MarkdownLines.Kind.HEADING, lines.get(0).kind());
        assertEquals(1, lines.get(0).level());
        assertEquals("Title with emphasis", lines.get(0).text(), "emphasis markers dropped");
        assertEquals("II. The Armed Groups", lines.get(1).text());
        assertEquals(2, lines.get(1).level());

        // a bold line inside a paragraph is its own line; the next lines of the paragraph are text
        assertEquals(MarkdownLines.Kind.BOLD, lines.get(2).kind());
        assertEquals("A. Allegiances", lines.get(2).text());
        assertEquals(List.of(2, 3), lines.get(3).references());
        assertNull(lines.get(3).footnoteBody());
        assertEquals(5, lines.get(3).paragraph(), "the four lines form one CommonMark paragraph from line 5");

        // consecutive footnote bodies on consecutive lines of one paragraph
        assertEquals(2, lines.get(4).footnoteBody());
        assertEquals("First body, *Dawn*, 1 May 2030.", lines.get(4).bodyText(), "the body as written");
        assertEquals(List.of(), lines.get(4).references(), "a body's own mark is not a reference");
        assertEquals(3, lines.get(5).footnoteBody());
        assertEquals("Second body without a space.", lines.get(5).bodyText());

        assertEquals(MarkdownLines.Kind.BOLD, lines.get(6).kind());
        assertEquals("B. Strikes", lines.get(6).text());
        assertEquals(MarkdownLines.Kind.HEADING, lines.get(7).kind(), "a setext heading");
        assertEquals(2, lines.get(7).level());
        assertEquals(MarkdownLines.Kind.TEXT, lines.get(8).kind());
        assertEquals(List.of(), lines.get(8).references(), "inside a code block a <sup> is not a footnote mark");
        assertEquals(0, lines.get(8).paragraph());
    }
}
