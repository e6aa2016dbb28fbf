package kg.borderlands.serve.cache;

/**
 * Finds, in a SPARQL query's text, what makes its answer not fixed by the build: a call of {@code NOW}, {@code RAND},
 * {@code UUID}, {@code STRUUID} or {@code BNODE} (the name as a whole word, then blanks and an opening bracket), or the
 * word {@code SERVICE}; ASCII letters in any case, as the regular expression
 * {@code \b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(|\bSERVICE\b} (case-insensitive) would find them. One pass over the
 * text with no backtracking: this runs on every SPARQL request, and the regular expression cost several per cent of a
 * cheap query's time (it tries five alternatives, case-folded, at every position).
 */
final class NotRepeatable {
    private static final String[] CALLS = {"now", "rand", "uuid", "struuid", "bnode"};
    private static final String SERVICE = "service";

    private NotRepeatable() {}

    /** True if the text holds such a call or {@code SERVICE}. */
    static boolean in(String q) {
        int n = q.length();
        for (int i = 0; i < n; i++) {
            char c = (char) (q.charAt(i) | 0x20);   // ASCII letters folded to lower case
            if (c != 'n' && c != 'r' && c != 'u' && c != 's' && c != 'b') continue;
            if (i > 0 && word(q.charAt(i - 1))) continue;
            if (c == 's' && wordAt(q, i, SERVICE) && (i + SERVICE.length() == n || !word(q.charAt(i + SERVICE.length())))) {
                return true;
            }
            for (String f : CALLS) {
                if (wordAt(q, i, f) && bracketAfter(q, i + f.length())) return true;
            }
        }
        return false;
    }

    /** True if {@code lower} (lower-case ASCII letters) is at {@code i}, in any case. */
    private static boolean wordAt(String q, int i, String lower) {
        if (i + lower.length() > q.length()) return false;
        for (int k = 0; k < lower.length(); k++) {
            if ((q.charAt(i + k) | 0x20) != lower.charAt(k)) return false;
        }
        return true;
    }

    /** True if, from {@code i}, blanks ({@code \s}: space, tab, line breaks, form feed, vertical tab) lead to {@code (}. */
    private static boolean bracketAfter(String q, int i) {
        for (; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '(') return true;
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\u000B') return false;
        }
        return false;
    }

    /** A word character as {@code \b} sees it: a letter, a digit or {@code _}. */
    private static boolean word(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
