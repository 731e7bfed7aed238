package com.offerpulse.faults.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code ${NAME}} placeholders of {@code infra/kafka/node.properties}, the one broker configuration that
 * {@code infra/cluster.sh} (with envsubst) and the fault tests share. A placeholder without a value is an error, so
 * a template change cannot silently start a broker with a literal {@code ${...}} in its config.
 */
public final class NodeTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private NodeTemplate() {
    }

    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for ${" + m.group(1) + "} in the node template");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String render(Path template, Map<String, String> values) {
        try {
            return render(Files.readString(template), values);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + template, e);
        }
    }

    /** {@code 1@host:port1,2@host:port2,...}: the static controller quorum of nodes 1..n. */
    public static String quorumVoters(String host, int[] controllerPorts) {
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < controllerPorts.length; i++) {
            if (i > 0) {
                voters.append(',');
            }
            voters.append(i + 1).append('@').append(host).append(':').append(controllerPorts[i]);
        }
        return voters.toString();
    }
}
