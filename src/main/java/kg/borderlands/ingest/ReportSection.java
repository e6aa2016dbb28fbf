package kg.borderlands.ingest;

/**
 * One section of the report as numbered by the report itself.
 *
 * @param number       {@code summary}, {@code findings}, {@code I}, {@code II.A}, {@code III.B.1}…
 * @param label        the heading title without its number
 * @param parentNumber number of the enclosing section, {@code null} for top sections
 * @param line         1-based line of the heading in the source
 */
public record ReportSection(String number, String label, String parentNumber, int line) {

    /** Record id of a section number: {@code sec-} + number lower-cased, {@code .} → {@code -}. */
    public static String idOf(String number) {
        return "sec-" + number.toLowerCase(java.util.Locale.ROOT).replace('.', '-');
    }

    public String id() {
        return idOf(number);
    }
}
