package kg.borderlands.analyse;

import java.util.List;

/**
 * Who accuses whom: number of {@code Allegation} edges (allegations and counter-claims) per accuser and accused.
 *
 * @param accusers rows, actor ids sorted
 * @param accused  columns, actor ids sorted
 * @param counts   counts[row][column]
 * @param cells    the non-zero cells, most accusations first (then accuser, accused)
 */
public record AccusationMatrix(List<String> accusers, List<String> accused, int[][] counts, List<Cell> cells) {
    public AccusationMatrix {
        accusers = List.copyOf(accusers);
        accused = List.copyOf(accused);
        cells = List.copyOf(cells);
    }

    /** One accuser-accused pair and the claims behind it. */
    public record Cell(String accuser, String accused, int count, List<String> records) {
        public Cell {
            records = List.copyOf(records);
        }
    }

    /** The count for a pair (0 if either is not in the matrix). */
    public int count(String accuser, String accusedActor) {
        int i = accusers.indexOf(accuser), j = accused.indexOf(accusedActor);
        return i < 0 || j < 0 ? 0 : counts[i][j];
    }

    /** Total number of accusations. */
    public int total() {
        return cells.stream().mapToInt(Cell::count).sum();
    }
}
