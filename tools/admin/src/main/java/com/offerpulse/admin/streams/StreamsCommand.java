package com.offerpulse.admin.streams;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import com.offerpulse.admin.acls.ServiceAccess;
import com.offerpulse.admin.cli.KafkaOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code streams reset <app>}: start a Kafka Streams application over from its input topics. */
@Command(name = "streams", mixinStandardHelpOptions = true, description = "Kafka Streams applications.",
        subcommands = StreamsCommand.Reset.class)
public final class StreamsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: reset");
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Reset a Streams application, as kafka-streams-application-reset does: delete its "
                    + "consumer group (committed offsets) and its internal topics (<app>-...-changelog, "
                    + "-repartition), so it reprocesses its inputs from the earliest retained record on its next "
                    + "start. Refused while any instance is running. Without --yes it only prints the plan "
                    + "(exit 1). Wipe each instance's local state directory too (docs/OPERATIONS.md)."})
    static final class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        KafkaOptions kafka;
        @Parameters(index = "0", paramLabel = "APP", description = "The application id, one of: ${COMPLETION-CANDIDATES}",
                completionCandidates = KnownApps.class)
        String app;
        @Option(names = "--yes", description = "Really reset.")
        boolean yes;

        @Override
        public Integer call() throws Exception {
            if (!ServiceAccess.allStreamsApps().contains(app)) {
                throw new ParameterException(spec.commandLine(),
                        "unknown application '" + app + "'; one of " + ServiceAccess.allStreamsApps());
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long timeoutMs = kafka.timeout().toMillis();
            try (Admin admin = kafka.admin()) {
                ConsumerGroupDescription group = com.offerpulse.admin.lag.Groups.describe(
                        admin.describeConsumerGroups(List.of(app)).describedGroups().get(app), timeoutMs);
                if (group != null && !group.members().isEmpty()) {
                    err.println("refused: " + app + " has " + group.members().size()
                            + " running member(s); stop every instance first. Nothing changed.");
                    return 1;
                }
                Set<String> names = admin.listTopics().names().get(timeoutMs, TimeUnit.MILLISECONDS);
                List<String> internal = names.stream().filter(n -> n.startsWith(app + "-"))
                        .filter(n -> n.endsWith("-changelog") || n.endsWith("-repartition")).sorted().toList();
                out.println((yes ? "" : "would ") + "delete consumer group " + app);
                internal.forEach(t -> out.println((yes ? "" : "would ") + "delete internal topic " + t));
                if (!yes) {
                    err.println("Dry run: nothing changed. Add --yes to reset " + app + ".");
                    return 1;
                }
                try {
                    admin.deleteConsumerGroups(List.of(app)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw e;
                    }
                }
                if (!internal.isEmpty()) {
                    admin.deleteTopics(internal).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                }
                out.println(app + " reset: " + internal.size() + " internal topics deleted. Wipe the local state "
                        + "directory of every instance before starting it again.");
                return 0;
            }
        }
    }

    /** The Streams application ids, for help and completion. */
    static final class KnownApps implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ServiceAccess.allStreamsApps().iterator();
        }
    }
}
