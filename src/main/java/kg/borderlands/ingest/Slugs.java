package kg.borderlands.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Deterministic id fragments: slugs of names and titles. */
public final class Slugs {
    private Slugs() {}

    /** Longest work id we build from a title (shorter if the title runs out). */
    public static final int MAX_ID = 60;
    /** At most this many title words go into a work id. */
    public static final int MAX_TITLE_WORDS = 5;

    private static final Set<String> MINOR = Set.of("of", "for", "and", "the", "on", "in", "a", "an", "to");
    private static final Pattern ACRONYM = Pattern.compile("\\(([A-Z][A-Za-z]{1,9})\\)");

    /** Lower-case ASCII words joined by {@code -}; apostrophes vanish ("Pakistan's" → "pakistans"). */
    public static String slug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("['’‘`]", "");
        s = s.replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /** The words of {@link #slug(String)}. */
    public static List<String> words(String text) {
        String s = slug(text);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("-"));
    }

    /**
     * A short slug for a publisher: its parenthesised acronym if given ("UN High Commissioner for Refugees
     * (UNHCR)" → "unhcr"); the initials of a long name ("Centre for Research and Security Studies" → "crss");
     * otherwise the slug of the whole name ("The Express Tribune" → "the-express-tribune").
     */
    public static String publisher(String name) {
        Matcher m = ACRONYM.matcher(name);
        if (m.find()) return m.group(1).toLowerCase(Locale.ROOT);
        List<String> significant = new ArrayList<>();
        for (String w : name.strip().split("\\s+")) {
            if (!MINOR.contains(w.toLowerCase(Locale.ROOT))) significant.add(w);
        }
        if (significant.size() <= 3) return slug(name);
        StringBuilder sb = new StringBuilder();
        for (String w : significant) {
            String letters = w.replaceAll("[^\\p{L}\\p{N}]", "");
            if (letters.isEmpty()) continue;
            sb.append(letters.length() > 1 && letters.equals(letters.toUpperCase(Locale.ROOT)) ? letters : letters.substring(0, 1));
        }
        return slug(sb.toString());
    }

    /**
     * {@code prefix} followed by up to {@link #MAX_TITLE_WORDS} words of {@code title}, dropping words from
     * the end while the id is longer than {@link #MAX_ID} (at least one word is kept).
     */
    public static String withTitle(String prefix, String title) {
        List<String> words = words(title);
        int n = Math.min(MAX_TITLE_WORDS, words.size());
        while (n > 1 && (prefix + "-" + String.join("-", words.subList(0, n))).length() > MAX_ID) n--;
        return n == 0 ? prefix : prefix + "-" + String.join("-", words.subList(0, n));
    }
}
