package kg.borderlands.serve.api;

import kg.borderlands.Vocab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The competency questions {@code queries/cq-NN-name.rq}, read once when the server starts and served
 * read-only as ready examples. A query that uses a project prefix ({@code blk:}, {@code bkr:}…) without
 * declaring it gets the PREFIX line prepended, so every example runs as is on {@code /kg/sparql}.
 */
public final class CompetencyQueries {
    /** One question: file name without {@code .rq}, the question (first comment line), the expected answer. */
    public record Question(String name, String question, String expected, String sparql) {}

    private static final Pattern FILE = Pattern.compile("cq-\\d\\d-[a-z0-9-]+\\.rq");
    private static final Pattern DECLARED = Pattern.compile("(?im)^\\s*PREFIX\\s+([A-Za-z][\\w-]*)?:");

    private final List<Question> questions;

    private CompetencyQueries(List<Question> questions) {
        this.questions = List.copyOf(questions);
    }

    public static CompetencyQueries none() {
        return new CompetencyQueries(List.of());
    }

    /** Reads {@code cq-*.rq} in the folder (none if the folder does not exist). */
    public static CompetencyQueries read(Path folder) {
        List<Question> out = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) return new CompetencyQueries(out);
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
                out.add(parse(p.getFileName().toString().replaceFirst("\\.rq$", ""), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read competency questions in " + folder + ": " + e.getMessage(), e);
        }
        return new CompetencyQueries(out);
    }

    static Question parse(String name, String text) {
        String question = null;
        String expected = null;
        for (String line : text.split("\\R")) {
            String t = line.strip();
            if (!t.startsWith("#")) {
                if (!t.isEmpty()) break;
                continue;
            }
            String c = t.substring(1).strip();
            if (c.regionMatches(true, 0, "Expected answer", 0, 15)) {
                expected = c.replaceFirst("(?i)^Expected answer[^:]*:\\s*", "");
            } else if (question == null && !c.isEmpty()) {
                question = c;
            }
        }
        return new Question(name, question == null ? name : question, expected, withPrefixes(text));
    }

    /** Prepends PREFIX lines for project prefixes the query uses but does not declare. */
    static String withPrefixes(String sparql) {
        List<String> declared = new ArrayList<>();
        Matcher m = DECLARED.matcher(sparql);
        while (m.find()) declared.add(m.group(1) == null ? "" : m.group(1));
        StringBuilder head = new StringBuilder();
        for (Map.Entry<String, String> e : Vocab.prefixes().getNsPrefixMap().entrySet()) {
            String prefix = e.getKey();
            if (declared.contains(prefix)) continue;
            if (Pattern.compile("(?<![\\w:<#/-])" + Pattern.quote(prefix) + ":[A-Za-z_]").matcher(stripComments(sparql)).find()) {
                head.append("PREFIX ").append(prefix).append(": <").append(e.getValue()).append(">\n");
            }
        }
        return head + sparql;
    }

    private static String stripComments(String sparql) {
        return sparql.replaceAll("(?m)^\\s*#.*$", "");
    }

    public List<Question> all() {
        return questions;
    }

    public Optional<Question> get(String name) {
        return questions.stream().filter(q -> q.name().equals(name)).findFirst();
    }
}
