package kg.borderlands.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lexical helpers for one footnote's text: markdown clean-up, splitting into sentences and
 * {@code ;}-separated pieces, finding quoted and italic spans, and splitting on top-level commas.
 * Quotes, italics, parentheses and brackets protect what they enclose.
 */
public final class FootnoteText {
    private FootnoteText() {}

    /** "op. cit." is rewritten to this token so that sentence splitting does not cut it. */
    public static final String OP_CIT = "op.cit.";

    /** Words after which a full stop does not end a sentence: "U.S.", an initial "S.", "Dr."… */
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:[A-Z]\\.)+[A-Z]?|[A-Z]|Dr|Mr|Mrs|Ms|St|No|vs|e\\.g|i\\.e|Gen|Col|Lt|Maj|Capt");

    /** A run of text that forms one citation candidate. */
    public record Piece(String text, int sentence) {}

    /** A quoted or italic span: {@code start} and {@code end} include the delimiters. */
    public record Span(int start, int end, String inner, boolean italic) {}

    /**
     * Removes markdown escapes, unwraps links (a bare link's text becomes italic, the way titles are
     * set), turns typographic single quotes into apostrophes, collapses white space, protects "op. cit.".
     */
    public static String normalise(String raw) {
        String t = raw.replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!$])", "$1");
        t = t.replaceAll("([“\"])\\[([^\\]]+)\\]\\([^)]*\\)([”\"])", "$1$2$3");
        t = t.replaceAll("\\[([“\"])([^\\]]+?)([”\"])\\]\\([^)]*\\)", "$1$2$3");
        t = t.replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "*$1*");
        t = t.replace('’', '\'').replace('‘', '\'');
        t = t.replaceAll("\\s+", " ").strip();
        t = t.replaceAll("\\bop\\. ?cit\\.?", OP_CIT);
        return t;
    }

    /**
     * Splits normalised text into pieces: a new sentence starts after {@code . ? !} followed by a space and
     * a capital, digit, quote or asterisk; {@code ;} separates pieces within a sentence. Delimiters are
     * dropped, as is the final full stop.
     */
    public static List<Piece> pieces(String text) {
        List<Piece> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        Scanner sc = new Scanner();
        int sentence = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sc.step(c);
            if (sc.topLevel()) {
                if (c == ';') {
                    add(out, sb, sentence);
                    continue;
                }
                if ((c == '.' || c == '?' || c == '!') && i + 2 < text.length() && text.charAt(i + 1) == ' '
                        && startsSentence(text.charAt(i + 2)) && !(c == '.' && abbreviationBefore(sb))) {
                    if (c != '.') sb.append(c);
                    add(out, sb, sentence);
                    sentence++;
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        add(out, sb, sentence);
        return out;
    }

    private static boolean abbreviationBefore(StringBuilder sb) {
        int k = sb.length();
        int s = k;
        while (s > 0 && sb.charAt(s - 1) != ' ') s--;
        String word = sb.substring(s, k).replaceAll("^[(\"“]+", "");
        return ABBREVIATION.matcher(word).matches();
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '“' || c == '"' || c == '*' || c == '\'';
    }

    private static void add(List<Piece> out, StringBuilder sb, int sentence) {
        String t = sb.toString().strip();
        if (t.endsWith(".") && !t.endsWith(OP_CIT)) t = t.substring(0, t.length() - 1).strip();
        if (!t.isEmpty()) out.add(new Piece(t, sentence));
        sb.setLength(0);
    }

    /** Quoted ("…", “…”) and italic (*…*) spans at top level, in order. */
    public static List<Span> spans(String text) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char close = c == '“' ? '”' : c == '"' ? '"' : c == '*' ? '*' : 0;
            if (close != 0) {
                int j = text.indexOf(close, i + 1);
                if (j > i) {
                    out.add(new Span(i, j + 1, text.substring(i + 1, j), c == '*'));
                    i = j + 1;
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    /** Splits on {@code sep} outside quotes, italics, parentheses and brackets; parts are stripped. */
    public static List<String> splitTopLevel(String text, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        Scanner sc = new Scanner();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sc.step(c);
            if (c == sep && sc.topLevel()) {
                out.add(sb.toString().strip());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString().strip());
        return out;
    }

    /** Tracks whether the scanner is inside quotes, italics, parentheses or brackets. */
    private static final class Scanner {
        private char quoteClose;
        private boolean italic;
        private int depth;
        private boolean topAfter = true;

        void step(char c) {
            boolean wasTop = quoteClose == 0 && !italic && depth == 0;
            if (quoteClose != 0) {
                if (c == quoteClose) quoteClose = 0;
            } else if (c == '“') {
                quoteClose = '”';
            } else if (c == '"') {
                quoteClose = '"';
            } else if (c == '*') {
                italic = !italic;
            } else if (!italic) {
                if (c == '(' || c == '[') depth++;
                else if ((c == ')' || c == ']') && depth > 0) depth--;
            }
            topAfter = wasTop && quoteClose == 0 && !italic && depth == 0;
        }

        /** The character just stepped over was outside any protected span. */
        boolean topLevel() {
            return topAfter;
        }
    }
}
