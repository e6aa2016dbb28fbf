package kg.borderlands.serve.ld;

/** HTML escaping and a small builder; every piece of data goes through {@link #esc}. */
public final class Html {
    private final StringBuilder sb = new StringBuilder(8192);

    /** Escapes text for element content and double- or single-quoted attribute values. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends markup as is (only for literal markup written in this code). */
    public Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends escaped text. */
    public Html text(String s) {
        sb.append(esc(s));
        return this;
    }

    /** Appends a link with an escaped href and escaped text. */
    public Html link(String href, String text) {
        sb.append("<a href=\"").append(esc(href)).append("\">").append(esc(text)).append("</a>");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
