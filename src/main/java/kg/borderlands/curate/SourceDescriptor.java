package kg.borderlands.curate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The descriptor {@code source.yaml} of a source unit ({@code data/sources/<id>/}, docs/data-format.md "Source
 * units"): the unit's id, the work id of the document it holds, and where its apparatus was ingested from (the
 * Markdown file's name and SHA-256, the ingest format). {@code formerIris: unscoped} marks a source whose apparatus
 * was published before issue #11 at unscoped IRIs ({@code …/id/fn-25}); they are kept as redirects.
 * {@code citedAs} lists the works ids other documents' citations give this document ({@code work-icg-report-354}
 * for Asia Report N°354, the id ingest gives a citation of a numbered Crisis Group report): a citation by such an
 * id is a citation of this source's own work, and the cited works record's IRI redirects to it.
 */
public record SourceDescriptor(@JsonProperty(required = true) String id,
                               @JsonProperty(required = true) String work,
                               String file, String sha256, String ingestedWith, String formerIris,
                               List<String> citedAs) {
    public SourceDescriptor {
        citedAs = citedAs == null ? List.of() : List.copyOf(citedAs);
    }

    /** A descriptor without {@code citedAs}. */
    public SourceDescriptor(String id, String work, String file, String sha256, String ingestedWith, String formerIris) {
        this(id, work, file, sha256, ingestedWith, formerIris, List.of());
    }

    /** The one value of {@code formerIris}. */
    public static final String UNSCOPED = "unscoped";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** True when the apparatus was published before at unscoped IRIs (they redirect to the scoped ones). */
    public boolean keepsUnscopedIris() {
        return UNSCOPED.equals(formerIris);
    }

    /** Reads and checks a descriptor; a problem names the file. */
    public static SourceDescriptor read(Path file) throws IOException, CurationException {
        SourceDescriptor d;
        try {
            d = YAML.readValue(file.toFile(), SourceDescriptor.class);
        } catch (JsonMappingException e) {
            throw problem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "bad source descriptor: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw problem(file, 0, "YAML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (d == null) throw problem(file, 0, "empty source descriptor: it needs id and work");
        String dir = file.getParent().getFileName().toString();
        if (!d.id().equals(dir)) {
            throw problem(file, 0, "source id '" + d.id() + "' must be the name of its directory ('" + dir + "')");
        }
        if (!d.id().matches("^[a-z0-9]+(-[a-z0-9]+)*$") || !d.work().matches("^[a-z0-9]+(-[a-z0-9]+)*$")) {
            throw problem(file, 0, "source id and work must be lowercase letters, digits and single hyphens");
        }
        for (String c : d.citedAs()) {
            if (c == null || !c.matches("^[a-z0-9]+(-[a-z0-9]+)*$") || c.equals(d.work())) {
                throw problem(file, 0, "citedAs '" + c + "' must be a works id (lowercase letters, digits and single "
                        + "hyphens) other than the source's own work");
            }
        }
        if (d.sha256() != null && !d.sha256().matches("^[0-9a-f]{64}$")) {
            throw problem(file, 0, "sha256 must be 64 lowercase hex digits");
        }
        if (d.formerIris() != null && !d.keepsUnscopedIris()) {
            throw problem(file, 0, "formerIris '" + d.formerIris() + "' is not allowed; the only value is " + UNSCOPED);
        }
        return d;
    }

    private static CurationException problem(Path file, int line, String message) {
        return new CurationException(List.of(new Problem(Problem.SYNTAX, file, line, 0, null, message)));
    }
}
