package kg.borderlands.ingest;

import java.util.List;

/**
 * A bibliographic record for the {@code works} section (see {@code docs/data-format.md}).
 *
 * @param id           stable id
 * @param type         kind of work
 * @param label        the cited title, or a generated label for untitled works (interviews, posts)
 * @param publisher    outlet or publisher, or {@code null}
 * @param authors      named authors, possibly empty
 * @param date         the cited date (for interviews the start of the period), or {@code null}
 * @param dateTo       interviews only: the end of the period, or {@code null}
 * @param interlocutor interviews only: kind of interlocutor, never a name
 * @param location     interviews only: where
 * @param mode         interviews only: {@code in-person} or {@code telephone}
 */
public record Work(String id, WorkType type, String label, String publisher, List<String> authors, String date,
                   String dateTo, String interlocutor, String location, String mode) {
    public Work {
        authors = List.copyOf(authors);
    }

    /** A work that is not an interview. */
    public static Work of(String id, WorkType type, String label, String publisher, List<String> authors, String date) {
        return new Work(id, type, label, publisher, authors, date, null, null, null, null);
    }
}
