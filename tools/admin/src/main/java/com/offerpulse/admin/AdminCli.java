package com.offerpulse.admin;

import java.io.PrintWriter;

import com.offerpulse.admin.acls.AclsCommand;
import com.offerpulse.admin.lag.LagCommand;
import com.offerpulse.admin.render.RenderCommand;
import com.offerpulse.admin.streams.StreamsCommand;
import com.offerpulse.admin.topics.TopicsCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The operator's CLI. Exit codes: 0 done, 1 failed or refused (the reason on stderr), 2 usage (an unknown or
 * misspelled option, a missing or malformed value: nothing was run). {@code --help} on any command only prints help.
 */
@Command(name = "offerpulse-admin", mixinStandardHelpOptions = true, version = "offerpulse-admin 0.1.0",
        description = "Operate OfferPulse on a Kafka cluster: topics, ACLs, consumer lag, Streams resets, manifests.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed or refused (reason on stderr)", "2:usage error (nothing was run)"},
        subcommands = {TopicsCommand.class, AclsCommand.class, LagCommand.class, StreamsCommand.class,
                RenderCommand.class})
public final class AdminCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: topics, acls, lag, streams or render");
    }

    /** The command line with strict parsing and one-line failures. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new AdminCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setAbbreviatedSubcommandsAllowed(false);
        cl.setUnmatchedArgumentsAllowed(false);
        cl.setOverwrittenOptionsAllowed(false);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                    ? e.getCause() : e;
            line.getErr().println("failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() != null ? ": " + cause.getMessage() : ""));
            return FAILED;
        });
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(commandLine(out, err).execute(args));
    }
}
