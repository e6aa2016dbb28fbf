package kg.borderlands.serve.cache;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an {@code Accept-Encoding} header says about the codings the server can use (br, gzip, {@code *},
 * identity), normalised: codings sorted, each with its quality. The compression handler's choice of coding is
 * a function of exactly this, so putting it in the ETag gives each coding of an answer its own strong ETag
 * (Jetty 12.1's {@code CompressionHandler} leaves the ETag as it is). The server cache does not key on it: it
 * keeps the uncompressed body once.
 */
final class AcceptEncoding {
    private AcceptEncoding() {}

    /** E.g. {@code "br=1,gzip=0.5"}; empty when no usable coding is named. */
    static String tag(Enumeration<String> headers) {
        if (headers == null) return "";
        Map<String, String> codings = new TreeMap<>();
        while (headers.hasMoreElements()) {
            for (String part : headers.nextElement().split(",")) {
                String[] p = part.split(";");
                String name = p[0].strip().toLowerCase(Locale.ROOT);
                if (name.equals("x-gzip")) name = "gzip";
                if (!(name.equals("br") || name.equals("gzip") || name.equals("*") || name.equals("identity"))) continue;
                String q = "1";
                for (int i = 1; i < p.length; i++) {
                    String param = p[i].strip().toLowerCase(Locale.ROOT);
                    if (param.startsWith("q=")) q = normaliseQ(param.substring(2).strip());
                }
                codings.put(name, q);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> c : codings.entrySet()) {
            if (!sb.isEmpty()) sb.append(',');
            sb.append(c.getKey()).append('=').append(c.getValue());
        }
        return sb.toString();
    }

    private static String normaliseQ(String q) {
        try {
            double d = Double.parseDouble(q);
            if (d <= 0) return "0";
            if (d >= 1) return "1";
            return Double.toString(d);
        } catch (NumberFormatException e) {
            return "?" + q;
        }
    }
}
