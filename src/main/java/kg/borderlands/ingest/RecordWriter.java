package kg.borderlands.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes an {@link IngestResult} as the YAML files of {@code docs/data-format.md}: {@code sections.yaml},
 * {@code footnotes.yaml} and {@code works.yaml}. Sections and footnotes are one flow mapping per line, works
 * are block mappings. Ids and types are plain scalars; every other string is double-quoted, so dates stay
 * strings. The output depends only on the result and the source file name.
 */
public final class RecordWriter {

    public static final String SECTIONS = "sections.yaml";
    public static final String FOOTNOTES = "footnotes.yaml";
    public static final String WORKS = "works.yaml";
    public static final String PARAGRAPHS = "paragraphs.yaml";

    private static final Pattern PLAIN = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$|^[A-Z][A-Za-z]*$");

    /** File name → content, in the order sections, footnotes, works, paragraphs. */
    public Map<String, String> render(IngestResult r, String sourceName) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SECTIONS, sections(r, sourceName));
        out.put(FOOTNOTES, footnotes(r, sourceName));
        out.put(WORKS, works(r, sourceName));
        out.put(PARAGRAPHS, paragraphs(r, sourceName));
        return out;
    }

    /** Writes the three files into {@code dir} (created if needed); returns their paths. */
    public List<Path> write(IngestResult r, String sourceName, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : render(r, sourceName).entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
    }

    private static String header(String what, String sourceName) {
        return "# " + what + ". Written by `ingest` from " + sourceName + " (see docs/ingest.md); do not edit by hand.\n";
    }

    private String sections(IngestResult r, String sourceName) {
        StringBuilder sb = new StringBuilder(header("The report's section tree", sourceName)).append("sections:\n");
        for (IngestResult.SectionRecord s : r.sections()) {
            List<String> f = new ArrayList<>();
            f.add("id: " + scalar(s.id()));
            f.add("type: Section");
            f.add("number: " + quoted(s.number()));
            f.add("label: " + quoted(s.label()));
            if (s.parent() != null) f.add("parent: " + scalar(s.parent()));
            f.add("report: " + scalar(s.report()));
            sb.append("  - {").append(String.join(", ", f)).append("}\n");
        }
        return sb.toString();
    }

    private String footnotes(IngestResult r, String sourceName) {
        StringBuilder sb = new StringBuilder(header("The report's footnotes: number, section and cited works only, no text", sourceName))
                .append("footnotes:\n");
        for (IngestResult.FootnoteRecord fn : r.footnotes()) {
            List<String> f = new ArrayList<>();
            f.add("id: " + scalar(fn.id()));
            f.add("type: Footnote");
            f.add("number: " + fn.number());
            if (fn.section() != null) f.add("section: " + scalar(fn.section()));
            f.add("cites: " + list(fn.cites()));
            sb.append("  - {").append(String.join(", ", f)).append("}\n");
        }
        return sb.toString();
    }

    private String paragraphs(IngestResult r, String sourceName) {
        StringBuilder sb = new StringBuilder(header(
                "The report's paragraphs: section, ordinal and referenced footnotes only, no text", sourceName))
                .append("paragraphs:\n");
        for (IngestResult.ParagraphRecord p : r.paragraphs()) {
            List<String> f = new ArrayList<>();
            f.add("id: " + scalar(p.id()));
            f.add("type: Paragraph");
            f.add("label: " + quoted(p.label()));
            f.add("section: " + scalar(p.section()));
            f.add("number: " + p.number());
            List<String> fns = new ArrayList<>();
            for (Integer n : p.footnotes()) fns.add(String.valueOf(n));
            f.add("footnotes: [" + String.join(", ", fns) + "]");
            sb.append("  - {").append(String.join(", ", f)).append("}\n");
        }
        return sb.toString();
    }

    private String works(IngestResult r, String sourceName) {
        StringBuilder sb = new StringBuilder(header("The report itself and every work its footnotes cite", sourceName))
                .append("works:\n");
        for (Work w : r.works()) {
            sb.append("  - id: ").append(scalar(w.id())).append('\n');
            sb.append("    type: ").append(w.type().local()).append('\n');
            sb.append("    label: ").append(quoted(w.label())).append('\n');
            if (w.publisher() != null) sb.append("    publisher: ").append(quoted(w.publisher())).append('\n');
            if (!w.authors().isEmpty()) sb.append("    author: ").append(quotedList(w.authors())).append('\n');
            if (w.date() != null) sb.append("    date: ").append(quoted(w.date())).append('\n');
            if (w.dateTo() != null) sb.append("    dateTo: ").append(quoted(w.dateTo())).append('\n');
            if (w.interlocutor() != null) sb.append("    interlocutor: ").append(quoted(w.interlocutor())).append('\n');
            if (w.location() != null) sb.append("    location: ").append(quoted(w.location())).append('\n');
            if (w.mode() != null) sb.append("    mode: ").append(scalar(w.mode())).append('\n');
        }
        return sb.toString();
    }

    /** Plain if an id or a type name, otherwise double-quoted. */
    static String scalar(String s) {
        return PLAIN.matcher(s).matches() ? s : quoted(s);
    }

    /** A flow list of ids. */
    static String list(List<String> ids) {
        List<String> parts = new ArrayList<>();
        for (String s : ids) parts.add(scalar(s));
        return "[" + String.join(", ", parts) + "]";
    }

    /** A flow list of double-quoted strings. */
    static String quotedList(List<String> items) {
        List<String> parts = new ArrayList<>();
        for (String s : items) parts.add(quoted(s));
        return "[" + String.join(", ", parts) + "]";
    }

    /** A YAML double-quoted scalar (JSON-compatible escaping). */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\ufeff') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
