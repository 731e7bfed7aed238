package com.offerpulse.admin.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.offerpulse.admin.topics.TopicLayout;
import com.offerpulse.admin.topics.TopicsCommand.LayoutOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code render}: the generated files under {@code infra/k8s} (Strimzi topics and users, the Ingress and the router's
 * copy of the nginx routing files). {@code ManifestsTest} fails when the committed files differ from a fresh render.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Write the generated Kubernetes manifests under infra/k8s from their sources.")
public final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "The repository root (default: the current directory).")
    Path root;

    @Mixin
    LayoutOptions layoutOptions;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(root.resolve(Generated.ROUTES))) {
            throw new ParameterException(spec.commandLine(),
                    "--root " + root + " is not the repository root (no " + Generated.ROUTES + ")");
        }
        TopicLayout layout = layoutOptions.layout(spec);
        for (var file : Generated.render(root, layout).entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
            spec.commandLine().getOut().println("wrote " + file.getKey());
        }
        return 0;
    }
}
