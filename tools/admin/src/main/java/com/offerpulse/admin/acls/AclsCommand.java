package com.offerpulse.admin.acls;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SecurityDisabledException;

import com.offerpulse.admin.cli.KafkaOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code acls plan|apply}: each service's least-privilege ACLs, derived from the topic registry. */
@Command(name = "acls", mixinStandardHelpOptions = true,
        description = "Each service's ACLs, derived from the topic registry (writers WRITE, readers READ).",
        subcommands = {AclsCommand.Plan.class, AclsCommand.Apply.class})
public final class AclsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: plan or apply");
    }

    static final class ServiceFilter {
        @Option(names = "--service", paramLabel = "NAME",
                description = "Only this service (ingest-api, stream-processor, query-api, realtime-ws); repeatable.")
        List<String> services;

        List<ServiceAccess> selected(CommandSpec spec) {
            if (services == null || services.isEmpty()) {
                return ServiceAccess.ALL;
            }
            try {
                return services.stream().map(ServiceAccess::named).toList();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true, description = "Print the ACLs; contact no cluster.")
    static final class Plan implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServiceFilter filter;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<AclPlan.Rule> rules = AclPlan.rules(filter.selected(spec));
            rules.forEach(out::println);
            out.println(rules.size() + " ACLs");
            return 0;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Create the planned ACLs through the Admin API (idempotent: existing ones stay).")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServiceFilter filter;
        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<AclPlan.Rule> rules = AclPlan.rules(filter.selected(spec));
            rules.forEach(out::println);
            try (Admin admin = kafka.admin()) {
                admin.createAcls(rules.stream().map(AclPlan.Rule::binding).toList()).all()
                        .get(kafka.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SecurityDisabledException) {
                    spec.commandLine().getErr().println("The cluster at " + kafka.bootstrap()
                            + " has no authorizer (authorizer.class.name): ACLs cannot be applied. Nothing changed.");
                    return 1;
                }
                throw e;
            }
            out.println(rules.size() + " ACLs applied");
            return 0;
        }
    }
}
