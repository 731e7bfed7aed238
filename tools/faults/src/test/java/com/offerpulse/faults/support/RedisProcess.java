package com.offerpulse.faults.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A redis-server of its own on a free loopback port, without persistence; can be killed and started again. */
public final class RedisProcess implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(10);
    private final int port;
    private final Path log;
    private Process process;

    private RedisProcess(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    public static RedisProcess start(Path runDir) throws InterruptedException {
        RedisProcess redis = new RedisProcess(Ports.free(), runDir.resolve("redis.log"));
        redis.launch();
        return redis;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGKILL: every key is gone (no persistence), every connection drops. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts again on the same port, empty. */
    public void launch() throws InterruptedException {
        try {
            process = Processes.track(new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start redis-server (is it installed?)", e);
        }
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING");
    }

    private boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }
}
