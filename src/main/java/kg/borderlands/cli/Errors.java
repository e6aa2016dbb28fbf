package kg.borderlands.cli;

import kg.borderlands.curate.CurationException;
import kg.borderlands.curate.Problem;
import kg.borderlands.load.LoadOperation;
import kg.borderlands.validate.Finding;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * How failures reach the user: one line per problem, no stack trace unless {@code --verbose}.
 * Exit codes: 0 success, 1 bad data or failed validation, 2 bad arguments, 3 other failure.
 */
final class Errors {
    static final int DATA = 1;
    static final int USAGE = 2;
    static final int FAILURE = 3;

    private Errors() {}

    /** Error ID of an unknown command (docs/errors.md). */
    static final String UNKNOWN_COMMAND = "BKG-E206";

    static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + unknownCommand(e).orElse(e.getMessage()) + " (see '"
                + e.getCommandLine().getCommandName() + " --help')");
        err.flush();
        return USAGE;
    }

    static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = isVerbose(cl);
        int code;
        if (e instanceof CurationException ce) {
            for (Problem p : ce.problems()) err.println(p.format());
            err.println("error: " + ce.problems().size() + " problem(s) in the curated data; the store was not changed");
            code = DATA;
        } else if (e instanceof LoadOperation.ValidationFailedException ve) {
            ve.report().findings().stream().filter(f -> f.severity() == Finding.Severity.VIOLATION)
                    .forEach(f -> err.println(f.format()));
            err.println("error: " + ve.getMessage());
            code = DATA;
        } else if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            code = USAGE;
        } else {
            err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            code = FAILURE;
        }
        if (verbose) e.printStackTrace(err);
        err.flush();
        return code;
    }

    /** "unknown command 'x'; the commands are …" when a command with subcommands got a word it does not know. */
    private static java.util.Optional<String> unknownCommand(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u)) return java.util.Optional.empty();
        CommandLine cl = e.getCommandLine();
        var subs = cl.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
        if (subs.isEmpty() || u.getUnmatched().isEmpty() || u.getUnmatched().get(0).startsWith("-")) {
            return java.util.Optional.empty();
        }
        String where = cl.getParent() == null ? "" : " for '" + cl.getCommandName() + "'";
        return java.util.Optional.of(UNKNOWN_COMMAND + " unknown command '" + u.getUnmatched().get(0) + "'" + where
                + "; the commands are: " + String.join(", ", subs));
    }

    private static boolean isVerbose(CommandLine cl) {
        CommandLine root = cl;
        while (root.getParent() != null) root = root.getParent();
        Object cmd = root.getCommand();
        return cmd instanceof Main m && m.verbose;
    }
}
