package kg.borderlands.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the report's markdown (a PDF conversion) into a {@link ParsedReport}: the section tree with the
 * report's own numbering, and the footnotes with the section of their inline reference.
 *
 * <p>The markdown's structure — headings, lines bold as a whole, footnote marks, paragraphs — comes from a
 * CommonMark parser ({@link MarkdownLines}, {@link ParagraphFinder}); only the text of a heading and of a footnote
 * is read with patterns. Headings are recognised by their text, whatever their markdown level: a markdown heading
 * or a whole bold line reading "III. …" is a top section, "A. …" a sub-section of the current roman section, "1. …" a
 * sub-sub-section of the current lettered one; "Principal Findings" and "Executive Summary" are sections
 * {@code findings} and {@code summary}. The table of contents block is skipped.
 *
 * <p>A footnote body is a line starting with {@code <sup>N</sup>}; every other {@code <sup>N</sup>} is an
 * inline reference, and the footnote belongs to the section in which its first reference appears.
 * Paragraphs are found by {@link ParagraphFinder}.
 */
public final class ReportParser {

    private static final Pattern ROMAN = Pattern.compile("^([IVXL]+)\\.\\s+(\\S.*)$");
    private static final Pattern VALID_ROMAN = Pattern.compile("^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})$");
    private static final Pattern LETTER = Pattern.compile("^([A-H])\\.\\s+(\\S.*)$");
    private static final Pattern DIGIT = Pattern.compile("^(\\d{1,2})\\.\\s+(\\S.*)$");
    private static final Pattern TOC_TITLE = Pattern.compile("(?i)^(?:table of )?contents$");
    private static final Pattern TOC_ENTRY = Pattern.compile("(?:\\t|\\s{2,}|\\.{3,}\\s*|…\\s*)\\d{1,3}$");
    private static final Pattern HEADER_DATE = Pattern.compile(
            "(\\d{1,2} " + CitedDates.MONTH_RE + " \\d{4})");

    /** Parses the markdown text of a report. */
    public ParsedReport parse(String markdown) {
        return new Run(markdown).parse();
    }

    /** A classified heading: its number and label. */
    private record Heading(String number, String label) {}

    private static final class Run {
        private final String markdown;
        private final List<String> warnings = new ArrayList<>();
        private final List<ReportSection> sections = new ArrayList<>();
        private final Set<String> numbers = new HashSet<>();
        private final Map<Integer, String> bodies = new TreeMap<>();
        private final Map<Integer, Integer> bodyLines = new HashMap<>();
        private final Map<Integer, String> bodySections = new HashMap<>();
        private final Map<Integer, String> refSections = new LinkedHashMap<>();
        private String title;
        private String date;
        private String roman;
        private String letter;
        private String current;

        Run(String markdown) {
            this.markdown = markdown;
        }

        ParsedReport parse() {
            boolean inToc = false;
            boolean tocSawEntry = false;
            for (MarkdownLines.Line l : new MarkdownLines().read(markdown)) {
                int lineNo = l.number();
                String line = l.raw();
                String headingText = l.kind() == MarkdownLines.Kind.TEXT ? null : l.text();
                boolean mdHeading = l.kind() == MarkdownLines.Kind.HEADING;

                if (inToc) {
                    if (TOC_ENTRY.matcher(line).find()) {
                        tocSawEntry = true;
                        continue;
                    }
                    if (!tocSawEntry) continue;        // a heading repeated inside the TOC before its entries
                    inToc = false;                      // first line after the entries: the body starts
                }
                if (headingText != null && TOC_TITLE.matcher(headingText).matches()) {
                    inToc = true;
                    tocSawEntry = false;
                    continue;
                }
                if (headingText != null) {
                    Heading h = classify(headingText, lineNo);
                    if (h != null) {
                        addSection(h, lineNo);
                        continue;
                    }
                    if (mdHeading && l.level() == 1 && title == null && sections.isEmpty()) {
                        title = headingText;
                        continue;
                    }
                }
                if (date == null && sections.isEmpty()) {
                    Matcher dm = HEADER_DATE.matcher(line);
                    if (dm.find()) date = CitedDates.date(dm.group(1)).orElse(null);
                }
                if (l.footnoteBody() != null) {
                    int n = l.footnoteBody();
                    if (bodies.containsKey(n)) {
                        warnings.add("footnote " + n + ": second body at line " + lineNo + " ignored");
                    } else {
                        bodies.put(n, l.bodyText());
                        bodyLines.put(n, lineNo);
                        bodySections.put(n, current);
                    }
                    continue;
                }
                for (int n : l.references()) {
                    if (refSections.containsKey(n)) {
                        warnings.add("footnote " + n + ": referenced again at line " + lineNo);
                    } else {
                        if (current == null) warnings.add("footnote " + n + ": referenced before any section");
                        refSections.put(n, current);
                    }
                }
            }
            return new ParsedReport(title, date, sections, footnotes(),
                    new ParagraphFinder().find(markdown, sections), warnings);
        }

        private List<FootnoteEntry> footnotes() {
            List<FootnoteEntry> out = new ArrayList<>();
            int expected = 1;
            for (Map.Entry<Integer, String> e : bodies.entrySet()) {
                int n = e.getKey();
                if (n == expected + 1) warnings.add("footnote " + expected + " missing");
                else if (n > expected) warnings.add("footnotes " + expected + "–" + (n - 1) + " missing");
                expected = n + 1;
                String section;
                if (refSections.containsKey(n)) {
                    section = refSections.get(n);
                } else {
                    section = bodySections.get(n);
                    warnings.add("footnote " + n + ": no inline reference; section taken from where its body is printed");
                }
                out.add(new FootnoteEntry(n, section, e.getValue(), bodyLines.get(n)));
            }
            for (Integer n : refSections.keySet()) {
                if (!bodies.containsKey(n)) warnings.add("footnote " + n + ": referenced but has no body");
            }
            return out;
        }

        private Heading classify(String text, int lineNo) {
            if (text.equalsIgnoreCase("Principal Findings")) return new Heading("findings", text);
            if (text.equalsIgnoreCase("Executive Summary")) return new Heading("summary", text);
            Matcher m = ROMAN.matcher(text);
            if (m.matches() && VALID_ROMAN.matcher(m.group(1)).matches()) {
                return new Heading(m.group(1), m.group(2).strip());
            }
            m = LETTER.matcher(text);
            if (m.matches()) {
                if (roman == null) {
                    warnings.add("line " + lineNo + ": sub-section '" + m.group(1) + ".' outside a numbered section ignored");
                    return null;
                }
                return new Heading(roman + "." + m.group(1), m.group(2).strip());
            }
            m = DIGIT.matcher(text);
            if (m.matches()) {
                if (letter == null) {
                    warnings.add("line " + lineNo + ": sub-section '" + m.group(1) + ".' outside a lettered section ignored");
                    return null;
                }
                return new Heading(letter + "." + m.group(1), m.group(2).strip());
            }
            return null;
        }

        private void addSection(Heading h, int lineNo) {
            String number = h.number();
            int depth = number.split("\\.").length;
            String parent = null;
            if (number.equals("findings") || number.equals("summary")) {
                roman = null;
                letter = null;
            } else if (depth == 1) {
                roman = number;
                letter = null;
            } else if (depth == 2) {
                letter = number;
                parent = roman;
            } else {
                parent = letter;
            }
            current = number;
            if (!numbers.add(number)) {
                warnings.add("line " + lineNo + ": section " + number + " appears again; first heading kept");
                return;
            }
            sections.add(new ReportSection(number, tidy(h.label()), parent, lineNo));
        }
    }

    /** Removes emphasis markers and HTML tags inside a heading. */
    static String stripInlineMarkup(String text) {
        String t = text.replaceAll("</?[a-zA-Z]+>", "");
        t = t.replaceAll("(\\*\\*|__|\\*)", "");
        return t.strip();
    }

    /** Typographic single quotes become straight apostrophes; runs of white space become one space. */
    static String tidy(String text) {
        return text.replace('’', '\'').replace('‘', '\'').replaceAll("\\s+", " ").strip();
    }
}
