package com.offerpulse.loadgen.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.offerpulse.contracts.json.JsonCodec;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code result.json} (indented, snake_case) and {@code latency.html} into the output directory. */
public final class ResultWriter {
    private static final JsonMapper PRETTY = JsonCodec.mapper().rebuild()
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultWriter() {
    }

    public static String json(LoadResult result) {
        return PRETTY.writeValueAsString(result);
    }

    public static Path[] write(LoadResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("result.json");
        Path html = dir.resolve("latency.html");
        Files.writeString(json, json(result) + "\n", StandardCharsets.UTF_8);
        Files.writeString(html, LatencyChart.html(result), StandardCharsets.UTF_8);
        return new Path[] {json, html};
    }
}
