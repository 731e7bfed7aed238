package com.offerpulse.faults.cluster;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;

/**
 * The Java steps of {@code infra/cluster.sh}, run from {@code tools/faults/target/faults.jar:target/lib/*}:
 *
 * <pre>
 * await-brokers --bootstrap HOSTS --count N [--timeout 120s]
 * mint-token    --secret-file FILE --subject ID [--ttl 30d] [--analyst]
 * </pre>
 *
 * Topic creation moved to the operator CLI ({@code tools/admin}: {@code offerpulse-admin topics create}), which
 * infra/cluster.sh calls. Options are strict: an unknown or misspelled option, a missing or malformed value exits 2
 * before anything runs; {@code --help} prints the usage and exits 0.
 */
public final class ClusterTool {
    static final String DEFAULT_WAIT = "120s";
    static final String DEFAULT_TOKEN_TTL = "30d";
    static final int OK = 0;
    static final int USAGE = 2;

    /** Each command and the options it takes: {@code true} for an option with a value, {@code false} for a flag. */
    private static final Map<String, Map<String, Boolean>> COMMANDS = Map.of(
            "await-brokers", Map.of("bootstrap", true, "count", true, "timeout", true),
            "mint-token", Map.of("secret-file", true, "subject", true, "ttl", true, "analyst", false));

    private static final String USAGE_TEXT = """
            usage: ClusterTool await-brokers --bootstrap HOSTS --count N [--timeout 120s]
                   ClusterTool mint-token --secret-file FILE --subject ID [--ttl 30d] [--analyst]
            Topics: java -jar tools/admin/target/offerpulse-admin.jar topics create --help""";

    private ClusterTool() {
    }

    public static void main(String[] args) throws Exception {
        int exit = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (exit != OK) {
            System.exit(exit);
        }
    }

    /** Runs one command; returns the exit code (0 done, 2 usage; failures throw). */
    static int run(String[] args, PrintWriter out, PrintWriter err) throws Exception {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        if (args[0].equals("create-topics")) {
            err.println("create-topics moved to the operator CLI: java -jar tools/admin/target/offerpulse-admin.jar "
                    + "topics create --bootstrap HOSTS [--partitions 6] [--replication 3] [--min-insync 2]");
            return USAGE;
        }
        Map<String, Boolean> known = COMMANDS.get(args[0]);
        if (known == null) {
            err.println("unknown command '" + args[0] + "'\n" + USAGE_TEXT);
            return USAGE;
        }
        Map<String, String> opts;
        Duration timeout;
        Duration ttl;
        int count;
        try {
            opts = options(args, known);
            timeout = Durations.parse(opts.getOrDefault("timeout", DEFAULT_WAIT));
            ttl = Durations.parse(opts.getOrDefault("ttl", DEFAULT_TOKEN_TTL));
            count = Integer.parseInt(opts.getOrDefault("count", "3"));
            if (count < 1) {
                throw new IllegalArgumentException("--count must be at least 1: " + count);
            }
        } catch (IllegalArgumentException e) {
            err.println(args[0] + ": " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        switch (args[0]) {
            case "await-brokers" -> {
                String bootstrap = opts.get("bootstrap");
                BrokerWait.awaitBrokers(bootstrap, count, timeout);
                out.println(count + " brokers registered at " + bootstrap);
            }
            default -> {
                String secret = Files.readString(Path.of(opts.get("secret-file"))).trim();
                String subject = opts.get("subject");
                Set<Role> roles = opts.containsKey("analyst") ? EnumSet.of(Role.CANDIDATE, Role.ANALYST)
                        : EnumSet.of(Role.CANDIDATE);
                out.println(new TokenIssuer(HmacSecret.parse(secret))
                        .issue(subject, subject, roles, ttl, Instant.now()).token());
            }
        }
        return OK;
    }

    /** Strict parsing: only the command's own options, each once, values where they take one; required ones set. */
    static Map<String, String> options(String[] args, Map<String, Boolean> known) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            Boolean takesValue = known.get(key);
            if (takesValue == null) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
            String value = "true";
            if (takesValue) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("--" + key + " needs a value");
                }
                value = args[++i];
            }
            if (opts.put(key, value) != null) {
                throw new IllegalArgumentException("--" + key + " given twice");
            }
        }
        for (String required : List.of("bootstrap", "secret-file", "subject")) {
            if (known.containsKey(required) && !opts.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return opts;
    }
}
