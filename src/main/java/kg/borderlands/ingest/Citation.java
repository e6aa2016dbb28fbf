package kg.borderlands.ingest;

import java.util.List;

/** One work cited in a footnote, as {@link CitationParser} reads it (before op. cit. resolution). */
public sealed interface Citation permits Citation.Full, Citation.Short, Citation.Interview {

    /**
     * A full citation.
     *
     * @param type         the kind of work
     * @param title        the cited title (for untitled works a generated label, e.g. "Weekly media briefing")
     * @param publisher    outlet or publisher, or {@code null}
     * @param authors      named authors, possibly empty
     * @param date         the cited date in the data-format date syntax, or {@code null}
     * @param seriesNumber the Crisis Group series number ("327" for Asia Report N°327), or {@code null}
     */
    record Full(WorkType type, String title, String publisher, List<String> authors, String date,
                String seriesNumber) implements Citation {
        public Full {
            authors = List.copyOf(authors);
        }
    }

    /**
     * A short citation pointing back to an earlier full one ("…, op. cit.").
     *
     * @param title  the (possibly shortened) title
     * @param author the author's surname if the short form names one, or {@code null}
     * @param kind   the kind the short form names ("Crisis Group Report, …" → REPORT), or {@code null}
     */
    record Short(String title, String author, WorkType kind) implements Citation {}

    /**
     * A set of Crisis Group interviews.
     *
     * @param telephone    conducted by telephone
     * @param plural       "interviews" rather than "interview"
     * @param interlocutor the kind of interlocutor as cited ("officials", "Taliban officials"), or {@code null}
     * @param location     where, as cited ("Islamabad and Peshawar"), or {@code null}
     * @param period       when, or {@code null} if the citation gives no date
     */
    record Interview(boolean telephone, boolean plural, String interlocutor, String location,
                     CitedDates.Period period) implements Citation {

        /** A short label: "Crisis Group telephone interviews, journalists, Peshawar, November 2025". */
        public String label() {
            StringBuilder sb = new StringBuilder("Crisis Group ");
            if (telephone) sb.append("telephone ");
            sb.append(plural ? "interviews" : "interview");
            if (interlocutor != null) sb.append(", ").append(interlocutor);
            if (location != null) sb.append(", ").append(location);
            if (period != null) sb.append(", ").append(period.text());
            return sb.toString();
        }
    }
}
