package kg.borderlands.curate;

import java.util.List;

/** The curated data cannot be loaded; carries every problem found, in file order. */
public class CurationException extends Exception {
    private final List<Problem> problems;

    public CurationException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) return "no problems";
        String first = problems.get(0).format();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }
}
