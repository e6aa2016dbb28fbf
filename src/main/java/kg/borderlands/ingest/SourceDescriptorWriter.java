package kg.borderlands.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a source unit's descriptor {@code source.yaml} (docs/data-format.md "Source units"): the source id, the
 * report's works id, the Markdown file's name and SHA-256, the ingest format and the works id a citation of a
 * numbered Crisis Group report gets ({@code citedAs}, from its series line). A {@code formerIris} value of an
 * existing descriptor is curators' knowledge (the source's apparatus was published at unscoped IRIs) and is kept.
 * Deterministic: the same inputs give the same bytes (no date is written, so that a re-run changes nothing).
 */
public final class SourceDescriptorWriter {
    /** The ingest output format; raise it when the files ingest writes change shape. */
    public static final String INGESTED_WITH = "borderlands-kg ingest 2";

    private SourceDescriptorWriter() {}

    public static void write(Path file, String sourceId, String workId, String markdownName, String sha256,
                             String formerIris) throws IOException {
        write(file, sourceId, workId, markdownName, sha256, formerIris, java.util.List.of());
    }

    /** As above, with the works ids other reports' citations give this one ({@code citedAs}, may be empty). */
    public static void write(Path file, String sourceId, String workId, String markdownName, String sha256,
                             String formerIris, java.util.List<String> citedAs) throws IOException {
        Objects.requireNonNull(file, "file");
        StringBuilder sb = new StringBuilder();
        sb.append("# Source unit descriptor (docs/data-format.md \"Source units\"); written by ingest, formerIris kept by hand.\n");
        sb.append("id: ").append(sourceId).append('\n');
        sb.append("work: ").append(workId).append('\n');
        sb.append("file: \"").append(markdownName.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        sb.append("sha256: \"").append(sha256).append("\"\n");
        sb.append("ingestedWith: \"").append(INGESTED_WITH).append("\"\n");
        if (formerIris != null) sb.append("formerIris: ").append(formerIris).append('\n');
        if (!citedAs.isEmpty()) sb.append("citedAs: [").append(String.join(", ", citedAs)).append("]\n");
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
