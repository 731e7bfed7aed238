package com.offerpulse.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.offerpulse.stream.tagging.SentenceAnalysis;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;

/**
 * Throughput of the STAR tagger: sentences per second of {@link SentenceTagger#analyze} on one thread, over a
 * fixed corpus of {@value #CORPUS_SIZE} realistic spoken interview sentences of 18–22 words
 * ({@code tagging-corpus.txt}). The score is in sentences/s because each invocation analyses the whole corpus
 * and declares that many operations. Run:
 *
 * <pre>
 * mvn -q -B install -DskipTests -pl stream-processor
 * mvn -q -f tools/benchmarks/pom.xml package
 * java -jar tools/benchmarks/target/benchmarks.jar TaggingBenchmark -f 1 -wi 3 -i 5 -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TaggingBenchmark {

    static final int CORPUS_SIZE = 60;

    private SentenceTagger tagger;
    private SentenceSplitter splitter;
    private String[] corpus;
    private String transcript;

    @Setup(Level.Trial)
    public void setUp() {
        tagger = SentenceTagger.load();
        splitter = new SentenceSplitter();
        corpus = readCorpus().toArray(String[]::new);
        if (corpus.length != CORPUS_SIZE) {
            throw new IllegalStateException("expected " + CORPUS_SIZE + " sentences, found " + corpus.length);
        }
        transcript = String.join(" ", corpus);
    }

    /** sentences/s of {@code analyze} on typical 18–22-word sentences. */
    @Benchmark
    @OperationsPerInvocation(CORPUS_SIZE)
    public void analyze(Blackhole bh) {
        for (String sentence : corpus) {
            SentenceAnalysis a = tagger.analyze(sentence);
            bh.consume(a);
        }
    }

    /** sentences/s of {@code split} on the same corpus as one transcript. */
    @Benchmark
    @OperationsPerInvocation(CORPUS_SIZE)
    public void split(Blackhole bh) {
        bh.consume(splitter.split(transcript));
    }

    static List<String> readCorpus() {
        InputStream in = TaggingBenchmark.class.getClassLoader().getResourceAsStream("tagging-corpus.txt");
        if (in == null) {
            throw new IllegalStateException("missing tagging-corpus.txt");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
