package kg.borderlands.analyse;

import java.util.List;

/** An actor id or name that names no actor of the network (BKG-E050). */
public final class UnknownActorException extends IllegalArgumentException {
    private final String query;
    private final List<String> suggestions;

    public UnknownActorException(String query, List<String> suggestions) {
        super("BKG-E050 unknown actor '" + query + "'"
                + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(", ", suggestions.stream()
                .map(s -> "'" + s + "'").toList()) + "?)"));
        this.query = query;
        this.suggestions = List.copyOf(suggestions);
    }

    public String query() {
        return query;
    }

    /** Ids of actors whose id, label or alias resembles the query (at most five). */
    public List<String> suggestions() {
        return suggestions;
    }
}
