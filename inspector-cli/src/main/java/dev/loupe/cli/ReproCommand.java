package dev.loupe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "repro", mixinStandardHelpOptions = true,
        description = "Shrink a failure to a minimal reproducer directory (reproducer.json, the reduced script or"
                + " file, each engine's output) that 'loupe issue draft' turns into an issue.",
        subcommands = {ReproSqlCommand.class, ReproFileCommand.class},
        footer = {"", "Examples:", "  loupe repro sql script.sql --engines sqlite,turso -o repro/",
                "", "Exit codes: 0 reproducer written, 1 no such failure, 2 usage error, 3 input unreadable."})
final class ReproCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }
}
