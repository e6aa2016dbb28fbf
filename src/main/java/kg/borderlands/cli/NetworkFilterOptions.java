package kg.borderlands.cli;

import kg.borderlands.analyse.Network;
import kg.borderlands.analyse.NetworkFilter;
import kg.borderlands.analyse.NetworkProjector;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The network filters, as options shared by every {@code network} subcommand. */
final class NetworkFilterOptions {
    @Option(names = "--kinds", split = ",", paramLabel = "KIND",
            description = "Relation kinds to keep, comma-separated (e.g. Sanctuary,Allegation,Attack). Default: all.")
    List<String> kinds = List.of();

    @Option(names = "--classes", split = ",", paramLabel = "CLASS",
            description = "Actor classes to keep, subclasses included (e.g. MilitantGroup,State). Default: all.")
    List<String> classes = List.of();

    @Option(names = "--from", paramLabel = "DATE", description = "Keep edges whose span reaches this day or later (yyyy-mm-dd).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Keep edges whose span starts on this day or earlier (yyyy-mm-dd).")
    String to;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The network of one day: edges whose span contains it.")
    String asOf;

    @Option(names = "--no-contested", description = "Drop ties asserted only by some actors (accordingTo).")
    boolean noContested;

    NetworkFilter filter() {
        if (asOf != null && (from != null || to != null)) {
            throw new IllegalArgumentException("BKG-E052 --as-of cannot be combined with --from/--to");
        }
        NetworkFilter f = NetworkFilter.all().withKinds(kinds).withClasses(classes).withContested(!noContested);
        return asOf != null ? f.asOf(date("--as-of", asOf)) : f.between(date("--from", from), date("--to", to));
    }

    private static LocalDate date(String option, String s) {
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("BKG-E052 " + option + " needs a day as yyyy-mm-dd, got '" + s + "'");
        }
    }

    /** Reads the published build, projects the network and applies the filters. */
    Network load(StoreOptions store, java.io.PrintWriter err) throws Exception {
        NetworkFilter f = filter();
        return store.withStore(dsg -> new NetworkProjector(dsg).project().filter(f), err);
    }
}
