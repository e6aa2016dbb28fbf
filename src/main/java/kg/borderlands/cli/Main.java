package kg.borderlands.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point: {@code java -jar borderlands-kg.jar <command>}. One class per subcommand. */
@Command(name = "borderlands-kg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Knowledge graph of Crisis Group Asia Report N°354 on Apache Jena.")
public final class Main implements Runnable {
    /** The subcommands, in the order of the help. */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(LoadCommand.class, ValidateCommand.class,
            ServeCommand.class, QueryCommand.class, ExportCommand.class, PublishCommand.class, IngestCommand.class,
            CoverageCommand.class, NetworkCommand.class, LinkCommand.class, CommandLine.HelpCommand.class);

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces and debug output.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static {
        Logging.configure();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        // serve from the jar without a heap option: straight into the child JVM, before the command line is
        // parsed (the child parses it) — JDK classes only (HeapLimit)
        java.util.OptionalInt child;
        try {
            child = kg.borderlands.serve.HeapLimit.relaunch(args);
        } catch (Exception e) {
            child = java.util.OptionalInt.empty();   // serve then starts its child as before, or reports why not
        }
        if (child.isPresent()) System.exit(child.getAsInt());
        // load from the jar: into a child JVM with the same options, the throughput collector unless the operator
        // chose one, and on an existing store its class archive (LoadLauncher) — JDK classes only
        try {
            child = LoadLauncher.relaunch(args);
        } catch (Exception e) {
            child = java.util.OptionalInt.empty();   // load runs in this JVM, without the archive
        }
        if (child.isPresent()) System.exit(child.getAsInt());
        kg.borderlands.load.Profile.lap("JVM start to main");
        kg.borderlands.load.Profile.jvm();
        // serve in this JVM: Jena, Fuseki and Jetty are initialised alongside the parsing and the store check
        if (args.length > 0 && args[0].equals("serve")) kg.borderlands.serve.StartupWarmup.start();
        // load: Jena and the build's classes are initialised alongside the parsing, the fingerprint and the store check
        if (args.length > 0 && args[0].equals("load")) {
            kg.borderlands.load.LoadWarmup.start(LoadLauncher.hasPublishedBuild(args));
            kg.borderlands.load.GcThrashGuard.enableInThisProcess();   // load's own process only, never the tests
        }
        int code = run(args);
        kg.borderlands.load.Profile.exit();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams (for tests) and returns the exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        // picocli builds the model of every command it is given (reflection over their options): for serve,
        // whose start is timed against stock Fuseki, only serve's, and for load (the one-record rebuild, issue
        // #11) only load's; every other line sees them all
        java.util.List<Class<?>> commands = COMMANDS;
        if (args.length > 0 && args[0].equals("serve")) commands = java.util.List.of(ServeCommand.class);
        if (args.length > 0 && args[0].equals("load")) commands = java.util.List.of(LoadCommand.class);
        for (Class<?> c : commands) {
            cl.addSubcommand(c);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Errors::onBadArguments);
        cl.setExecutionExceptionHandler(Errors::onFailure);
        cl.setExecutionStrategy(Main::rejectUnmatchedThenRun);
        return cl.execute(args);
    }

    /**
     * Picocli skips its check of unmatched arguments when help is asked for, so {@code frobnicate --help} (an unknown command) printed
     * the main help and exited 0. Unmatched arguments (an unknown command) are an error before any help.
     */
    private static int rejectUnmatchedThenRun(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"borderlands-kg " + (v == null ? "dev" : v) + " (Apache Jena 5.6.0)"};
        }
    }
}
