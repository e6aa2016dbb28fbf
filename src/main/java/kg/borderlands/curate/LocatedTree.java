package kg.borderlands.curate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML document read into a Jackson tree, remembering where (line, column) every value starts, keyed by
 * JSON Pointer. Jackson's own tree forgets locations; records are bound from the tree later, and binding
 * errors are mapped back to a line through {@link #locate(String)}.
 */
public final class LocatedTree {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private LocatedTree(Path file, JsonNode root, Map<String, JsonLocation> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Location of the value at {@code pointer}, or of its nearest located ancestor. */
    public JsonLocation locate(String pointer) {
        String p = Objects.requireNonNull(pointer);
        while (true) {
            JsonLocation loc = locations.get(p);
            if (loc != null || p.isEmpty()) return loc;
            int cut = p.lastIndexOf('/');
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
    }

    /**
     * Reads a YAML file. Syntax errors, duplicate keys, bytes that are not UTF-8, and YAML anchors or aliases
     * become a {@link CurationException} naming file, line and column.
     */
    public static LocatedTree read(Path file) throws CurationException, IOException {
        Objects.requireNonNull(file, "file");
        Map<String, JsonLocation> locations = new HashMap<>();
        String text = decodeUtf8(file);
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            JsonNode root = first == null ? NODES.objectNode() : readValue(parser, "", locations, file);
            return new LocatedTree(file, root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new CurationException(java.util.List.of(new Problem(Problem.SYNTAX, file,
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), null,
                    "YAML syntax error: " + msg)));
        }
    }

    /**
     * The file's text, decoded strictly: a byte sequence that is not UTF-8 is reported at its own line and
     * column (the YAML reader decodes ahead in blocks and reported a line several lines before).
     */
    private static String decodeUtf8(Path file) throws IOException, CurationException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) r = dec.flush(out);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new CurationException(java.util.List.of(new Problem(Problem.SYNTAX, file, line, column, null,
                    String.format(Locale.ROOT, "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8",
                            bytes[at] & 0xff))));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** YAML anchors ({@code &a}) and aliases ({@code *a}) are refused: Jackson reads an alias as its name. */
    private static void refuseAnchors(JsonParser p, Path file) throws IOException, CurationException {
        if (!(p instanceof YAMLParser y)) return;
        String what = y.isCurrentAlias() ? "alias '*" + y.getText() + "'"
                : y.getObjectId() != null ? "anchor '&" + y.getObjectId() + "'" : null;
        if (what == null) return;
        JsonLocation at = p.currentTokenLocation();
        throw new CurationException(java.util.List.of(new Problem(Problem.SYNTAX, file, at.getLineNr(),
                at.getColumnNr(), null, "YAML " + what + ": anchors and aliases are not supported; write the value out")));
    }

    private static JsonNode readValue(JsonParser p, String ptr, Map<String, JsonLocation> locs, Path file)
            throws IOException, CurationException {
        locs.putIfAbsent(ptr, p.currentTokenLocation());
        refuseAnchors(p, file);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode obj = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    refuseAnchors(p, file);
                    String name = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    String child = ptr + "/" + name.replace("~", "~0").replace("/", "~1");
                    if (obj.has(name)) {
                        throw new CurationException(java.util.List.of(new Problem(Problem.SYNTAX, file,
                                at.getLineNr(), at.getColumnNr(), null, "duplicate key '" + name + "'")));
                    }
                    locs.put(child, at);
                    p.nextToken();
                    obj.set(name, readValue(p, child, locs, file));
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(readValue(p, ptr + "/" + i++, locs, file));
                }
                return arr;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected token " + t);
        }
    }
}
