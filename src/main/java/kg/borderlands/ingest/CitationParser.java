package kg.borderlands.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the works cited in one footnote. A footnote is split into sentences and {@code ;}-separated pieces
 * ({@link FootnoteText}); each piece is either a Crisis Group interview citation, a special form (X post,
 * media briefing, website), a title citation — {@code [Author, ]"Title", Publisher[, Place], Date},
 * {@code Author, *Book* (Place, Year)}, Crisis Group publications with or without series numbers — a short
 * form ({@code "Title", op. cit.}), or prose (ignored). Quoted statements inside prose are not works.
 */
public final class CitationParser {

    /** Citations in order of appearance, and notes on anything that looked like a citation but was not read. */
    public record Result(List<Citation> citations, List<String> warnings) {}

    private enum Outlet { NEWSPAPER, NEWS, JOURNAL }

    /** Periodicals whose kind is known; any other italic publisher is taken to be a newspaper. */
    private static final Map<String, Outlet> OUTLETS = Map.ofEntries(
            Map.entry("dawn", Outlet.NEWSPAPER),
            Map.entry("the news", Outlet.NEWSPAPER),
            Map.entry("the express tribune", Outlet.NEWSPAPER),
            Map.entry("express tribune", Outlet.NEWSPAPER),
            Map.entry("reuters", Outlet.NEWS),
            Map.entry("associated press", Outlet.NEWS),
            Map.entry("al jazeera", Outlet.NEWS),
            Map.entry("tolo news", Outlet.NEWS),
            Map.entry("kabul now", Outlet.NEWS),
            Map.entry("long war journal", Outlet.NEWS),
            Map.entry("bbc", Outlet.NEWS),
            Map.entry("ctc sentinel", Outlet.JOURNAL));
    private static final Pattern JOURNAL_LIKE = Pattern.compile("(?i)\\bjournal of\\b|\\bquarterly\\b|\\breview\\b|\\bsentinel\\b");

    public static final String CRISIS_GROUP = "International Crisis Group";

    private static final String NO = "N[°º]\\s?";
    private static final Pattern CG_HEAD = Pattern.compile(
            "Crisis Group (?:Asia(?:-Pacific)? )?(Reports?|Briefings?|Commentary|Commentaries)(?:\\s+" + NO + "(\\d+))?");
    private static final Pattern CG_PART = Pattern.compile(
            "Crisis Group (?:Asia(?:-Pacific)? )?(Report|Briefing|Commentary)(?:\\s+" + NO + "(\\d+))?");
    private static final Pattern NUMBER_HEAD = Pattern.compile("^" + NO + "(\\d+),?$");
    private static final Pattern LEAD_IN = Pattern.compile(
            "(?i)^(?:and|as well as|see also|see|also|quoted in|cited in|cf\\.|e\\.g\\.,?)(?:\\s+|$)");
    private static final String NAME = "\\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*){0,4}";
    private static final Pattern NAMES = Pattern.compile("^" + NAME + "(?:(?:, | and )" + NAME + ")*$");
    private static final Pattern OP_CIT_TAIL = Pattern.compile("^,?\\s*(both )?op\\.cit\\.?$");
    private static final Pattern BOOK_TAIL = Pattern.compile("^\\s*\\(([^()]*?),?\\s*(\\d{4})\\)$");
    private static final Pattern DOC_NUMBER = Pattern.compile("^(?:" + NO + "\\d+|[A-Z]{1,6}(?:/[A-Z0-9.]+)+)$");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("\\s*\\[[^\\]]+\\]$");
    private static final Pattern PLACE_PART = Pattern.compile("^\\p{Lu}[\\p{L}'-]*(?: \\p{Lu}[\\p{L}'-]*)?$");
    private static final Map<String, WorkType> MARKERS = Map.of(
            "press release", WorkType.PRESS_RELEASE,
            "video", WorkType.VIDEO,
            "statement", WorkType.STATEMENT_DOCUMENT);

    private static final Pattern INTERVIEW_HEAD = Pattern.compile(
            "^(?:(?:see also|see|and|also)\\s+)?Crisis Group (telephone )?(interviews?)\\b[,:]?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERVIEW_CONTINUATION = Pattern.compile(
            "^(?:and\\s+)?(?:(telephone )?(interviews?)\\b,?\\s*)?(by telephone\\b,?\\s*)?(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> PLACE_CONNECTORS = Set.of("and", "district", "districts", "province",
            "provinces", "valley", "region", "city", "southern", "northern", "eastern", "western", "central");

    private static final Pattern X_POST = Pattern.compile(
            "^(?:See also\\s+)?(?:An? )?X post by (.+?), (@\\w+)(?:, (\\d{1,2}[:.]\\d{2}\\s?[ap]m))?, (.+)$");
    private static final Pattern MEDIA_BRIEFING = Pattern.compile(
            "^(?:See also\\s+)?((?:Weekly |Daily )?[Mm]edia briefing), (.+), ([^,]+)$");
    private static final Pattern WEBSITE = Pattern.compile("\\b(?:at|on|from) the ([^*]+?) \\*([^*]*website)\\*");
    private static final Pattern ENDS_WITH_DATE = Pattern.compile(
            "(?:\\d{1,2} )?" + CitedDates.MONTH_RE + " \\d{4}(?: \\[[^\\]]+\\])?$");

    /** Parses the raw text of one footnote. */
    public Result parse(String rawFootnote) {
        return new Run(FootnoteText.normalise(rawFootnote)).run();
    }

    private record Head(WorkType crisisGroupKind, String number, List<String> names, boolean prose) {}

    private static final class Run {
        private final String text;
        private final List<Citation> out = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private WorkType listKind;
        private boolean inInterviews;
        private boolean seriesTelephone;
        private boolean seriesPlural;
        private List<String> pendingInterlocutor;

        Run(String text) {
            this.text = text;
        }

        Result run() {
            int sentence = -1;
            for (FootnoteText.Piece piece : FootnoteText.pieces(text)) {
                if (piece.sentence() != sentence) {
                    endSentence();
                    sentence = piece.sentence();
                }
                String t = piece.text();
                Matcher ih = INTERVIEW_HEAD.matcher(t);
                if (ih.matches()) {
                    flushPending();
                    inInterviews = true;
                    seriesTelephone = ih.group(1) != null;
                    seriesPlural = ih.group(2).toLowerCase(Locale.ROOT).endsWith("s");
                    interview(ih.group(3), seriesTelephone, seriesPlural);
                    continue;
                }
                int before = out.size();
                citation(t);
                if (out.size() > before) {
                    flushPending();
                    inInterviews = false;
                    continue;
                }
                if (inInterviews) {
                    Matcher ic = INTERVIEW_CONTINUATION.matcher(t);
                    ic.matches();
                    boolean telephone = seriesTelephone || ic.group(1) != null || ic.group(3) != null;
                    boolean plural = ic.group(2) != null ? ic.group(2).toLowerCase(Locale.ROOT).endsWith("s") : seriesPlural;
                    interview(ic.group(4), telephone, plural);
                    continue;
                }
                if (t.contains(FootnoteText.OP_CIT)) {
                    warnings.add("unresolved short citation: " + t);
                } else if (ENDS_WITH_DATE.matcher(t).find() && !FootnoteText.spans(t).isEmpty()) {
                    warnings.add("looks like a citation but was not read: " + t);
                }
            }
            endSentence();
            return new Result(out, warnings);
        }

        private void endSentence() {
            flushPending();
            listKind = null;
            inInterviews = false;
        }

        private void flushPending() {
            if (pendingInterlocutor != null) {
                warnings.add("interview citation without a date: " + String.join(", ", pendingInterlocutor));
                out.add(new Citation.Interview(seriesTelephone, seriesPlural,
                        String.join(", ", pendingInterlocutor), null, null));
                pendingInterlocutor = null;
            }
        }

        // ---------------------------------------------------------------- interviews

        private void interview(String rest, boolean telephone, boolean plural) {
            List<String> parts = new ArrayList<>(FootnoteText.splitTopLevel(rest, ','));
            parts.removeIf(String::isEmpty);
            Optional<CitedDates.Period> period = parts.isEmpty() ? Optional.empty()
                    : CitedDates.period(parts.get(parts.size() - 1));
            if (period.isEmpty()) {
                // no date yet: the interlocutors continue in the next piece ("students; activists, Peshawar, 2014")
                if (pendingInterlocutor == null) pendingInterlocutor = new ArrayList<>();
                pendingInterlocutor.add(String.join(", ", parts));
                seriesTelephone = telephone;
                seriesPlural = plural;
                return;
            }
            List<String> body = parts.subList(0, parts.size() - 1);
            int k = body.size();
            while (k > 0 && isPlace(body.get(k - 1))) k--;
            List<String> who = new ArrayList<>();
            if (pendingInterlocutor != null) who.add(String.join("; ", pendingInterlocutor));
            if (k > 0) who.add(String.join(", ", body.subList(0, k)));
            String interlocutor = who.isEmpty() ? null : String.join("; ", who);
            String location = k < body.size() ? String.join(", ", body.subList(k, body.size())) : null;
            pendingInterlocutor = null;
            out.add(new Citation.Interview(telephone, plural, interlocutor, location, period.get()));
        }

        /** A place as cited: capitalised names joined by "and", "district(s)", "province"… */
        private static boolean isPlace(String part) {
            boolean named = false;
            for (String w : part.split("\\s+")) {
                if (PLACE_CONNECTORS.contains(w)) continue;
                if (!w.matches("\\p{Lu}[\\p{L}']*")) return false;
                named = true;
            }
            return named;
        }

        // ---------------------------------------------------------------- titled citations

        private void citation(String t) {
            if (special(t)) return;
            List<FootnoteText.Span> spans = FootnoteText.spans(t);
            Matcher both = OP_CIT_TAIL.matcher(spans.isEmpty() ? "" : t.substring(spans.get(spans.size() - 1).end()));
            if (spans.size() > 1 && both.matches() && both.group(1) != null) {
                Head head = head(t.substring(0, spans.get(0).start()));
                for (FootnoteText.Span s : spans) out.add(new Citation.Short(title(s), null, head.crisisGroupKind()));
                return;
            }
            for (int i = 0; i < spans.size(); i++) {
                FootnoteText.Span span = spans.get(i);
                if (span.italic() && OUTLETS.containsKey(key(span.inner()))) continue;
                if (i > 0 && t.substring(spans.get(i - 1).end(), span.start()).strip().equals(",")) continue;
                if (titled(t, span)) return;
            }
        }

        private boolean special(String t) {
            Matcher m = X_POST.matcher(t);
            if (m.matches()) {
                Optional<String> date = CitedDates.date(m.group(4));
                if (date.isPresent()) {
                    String by = unitalic(m.group(1));
                    String label = "X post by " + by + " (" + m.group(2) + ")" + (m.group(3) != null ? ", " + m.group(3) : "");
                    out.add(new Citation.Full(WorkType.SOCIAL_MEDIA_POST, label, by, List.of(), date.get(), null));
                    return true;
                }
            }
            m = MEDIA_BRIEFING.matcher(t);
            if (m.matches()) {
                Optional<String> date = CitedDates.date(m.group(3));
                if (date.isPresent()) {
                    String label = m.group(1).substring(0, 1).toUpperCase(Locale.ROOT) + m.group(1).substring(1);
                    out.add(new Citation.Full(WorkType.MEDIA_BRIEFING, label, unitalic(m.group(2)), List.of(), date.get(), null));
                    return true;
                }
            }
            m = WEBSITE.matcher(t);
            if (m.find()) {
                String label = m.group(1).strip() + " " + m.group(2).strip();
                String publisher = label.replaceAll("\\s*website$", "").strip();
                out.add(new Citation.Full(WorkType.WEB_PAGE, label, publisher, List.of(), null, null));
                return true;
            }
            return false;
        }

        /** Tries {@code span} as the title of a citation; adds it and returns true on success. */
        private boolean titled(String t, FootnoteText.Span span) {
            String title = title(span);
            String tail = t.substring(span.end());
            Head head = head(t.substring(0, span.start()));
            if (OP_CIT_TAIL.matcher(tail).matches()) {
                String surname = head.names().isEmpty() ? null : surname(head.names().get(0));
                out.add(new Citation.Short(title, surname, head.crisisGroupKind()));
                return true;
            }
            Matcher book = BOOK_TAIL.matcher(tail);
            if (book.matches() && span.italic()) {
                String where = book.group(1);
                String publisher = where.contains(":") ? where.substring(where.indexOf(':') + 1).strip() : null;
                out.add(new Citation.Full(WorkType.BOOK, title, publisher, head.names(), book.group(2), null));
                return true;
            }
            if (!tail.startsWith(",")) return false;
            List<String> parts = new ArrayList<>(FootnoteText.splitTopLevel(tail.substring(1), ','));
            String last = LANGUAGE_TAG.matcher(parts.remove(parts.size() - 1)).replaceAll("");
            Optional<String> date = CitedDates.date(last);
            if (date.isEmpty()) return false;

            WorkType kind = head.crisisGroupKind();
            String number = head.number();
            WorkType marker = null;
            String publisher = null;
            boolean italicPublisher = false;
            for (String part : parts) {
                if (part.isEmpty()) return false;
                Matcher cg = CG_PART.matcher(part);
                if (cg.matches()) {
                    kind = cgKind(cg.group(1));
                    if (cg.group(2) != null) number = cg.group(2);
                } else if (MARKERS.containsKey(part.toLowerCase(Locale.ROOT))) {
                    marker = MARKERS.get(part.toLowerCase(Locale.ROOT));
                } else if (DOC_NUMBER.matcher(part).matches()) {
                    // a document symbol such as S/2026/44: part of the reference, not of the work's label
                } else if (publisher == null) {
                    if (!part.matches("^[*\\p{Lu}\\p{N}].*")) return false;   // prose, not a publisher
                    italicPublisher = part.startsWith("*") && part.endsWith("*");
                    publisher = unitalic(part);
                } else if (PLACE_PART.matcher(part).matches()) {
                    // the publisher's city ("…, Islamabad, 31 December 2025")
                } else {
                    warnings.add("publisher of \"" + title + "\" read as '" + publisher + "', ignoring '" + part + "'");
                }
            }
            if (head.prose() && kind == null) return false;       // a quotation inside prose

            List<String> authors = head.names();
            WorkType type;
            if (kind != null || (publisher == null && marker == null && listKind != null && authors.isEmpty())) {
                type = kind != null ? kind : listKind;
                listKind = type;
                out.add(new Citation.Full(type, title, CRISIS_GROUP, authors, date.get(), number));
                return true;
            }
            if (publisher == null) {
                if (authors.isEmpty()) {
                    warnings.add("no publisher for \"" + title + "\"");
                    return false;
                }
                publisher = String.join(" and ", authors);       // "UN Security Council, "Title", S/…, date"
                authors = List.of();
                type = marker != null ? marker : WorkType.REPORT;
            } else if (marker != null) {
                type = marker;
            } else {
                Outlet outlet = OUTLETS.get(key(publisher));
                if (outlet == null && italicPublisher) {
                    outlet = JOURNAL_LIKE.matcher(publisher).find() ? Outlet.JOURNAL : Outlet.NEWSPAPER;
                }
                if (outlet == null) type = WorkType.REPORT;
                else if (outlet == Outlet.JOURNAL) type = WorkType.JOURNAL_ARTICLE;
                else if (outlet == Outlet.NEWSPAPER && !authors.isEmpty()) type = WorkType.OPINION_ARTICLE;
                else type = WorkType.NEWS_ARTICLE;
            }
            out.add(new Citation.Full(type, title, publisher, authors, date.get(), null));
            return true;
        }

        /** What precedes a title: a Crisis Group series head, a series number, author names, or prose. */
        private Head head(String raw) {
            String h = raw.strip();
            int end = -1;
            String kindWord = null;
            String number = null;
            Matcher cg = CG_HEAD.matcher(h);
            while (cg.find()) {
                end = cg.end();
                kindWord = cg.group(1);
                number = cg.group(2);
            }
            if (kindWord != null && h.substring(end).matches("\\s*,?\\s*")) {
                WorkType kind = cgKind(kindWord);
                listKind = kind;
                return new Head(kind, number, List.of(), false);
            }
            String s = h;
            Matcher lead;
            while ((lead = LEAD_IN.matcher(s)).find()) s = s.substring(lead.end());
            Matcher n = NUMBER_HEAD.matcher(s);
            if (n.matches()) return new Head(listKind, n.group(1), List.of(), false);
            if (s.isEmpty()) return new Head(null, null, List.of(), false);
            if (s.endsWith(",")) {
                String names = s.substring(0, s.length() - 1).strip();
                if (NAMES.matcher(names).matches()) {
                    return new Head(null, null, Arrays.asList(names.split(", | and ")), false);
                }
            }
            return new Head(null, null, List.of(), true);
        }
    }

    private static WorkType cgKind(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("report")) return WorkType.REPORT;
        if (w.startsWith("briefing")) return WorkType.BRIEFING;
        return WorkType.COMMENTARY;
    }

    private static String title(FootnoteText.Span span) {
        String t = span.inner().strip();
        t = t.replaceAll("^[*\"“]+|[*\"”]+$", "");
        t = t.replaceAll("[,;]$", "");
        return ReportParser.tidy(t);
    }

    private static String unitalic(String s) {
        return s.strip().replaceAll("^\\*(.*)\\*$", "$1").strip();
    }

    private static String key(String s) {
        return unitalic(s).toLowerCase(Locale.ROOT);
    }

    /** Last word of a name: "Samina Ahmed" → "Ahmed". */
    static String surname(String name) {
        String[] w = name.strip().split("\\s+");
        return w[w.length - 1];
    }
}
