package com.offerpulse.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.kafka.embedded.EmbeddedKafkaBroker;
import com.offerpulse.kafka.embedded.TopicProvisioner;
import com.offerpulse.platform.logging.StructuredLogging;
import com.offerpulse.platform.security.SigningKeyFile;

/**
 * The embedded default: starts a KRaft broker in-process (logs under the data directory) unless
 * {@code OFFERPULSE_KAFKA_BOOTSTRAP} names a cluster, creates the topics idempotently, then runs every service
 * behind one port (8080).
 */
public final class OfferPulseLauncher {
    private static final Logger log = LoggerFactory.getLogger(OfferPulseLauncher.class);

    private OfferPulseLauncher() {
    }

    public static void main(String[] args) {
        RunningPlatform platform = start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "offerpulse-shutdown"));
        log.info("OfferPulse is up on http://localhost:{} (Kafka {})", platform.httpPort(), platform.kafkaBootstrap());
    }

    /** Starts the platform; tests call this with their own data directory and ports. */
    public static RunningPlatform start(String... args) {
        // Structured (JSON) logs from the first line: the broker starts before Spring would configure logging.
        StructuredLogging.initializeEarly(args);
        EarlyLogging.quietBrokerStartUp();
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        LauncherSettings settings = LauncherSettings.from(env);
        String serverAddress = env.getProperty("server.address", LauncherSettings.DEFAULT_SERVER_ADDRESS);
        LauncherSafety.devLoginOnlyOnLoopback(env, serverAddress);
        LauncherSafety.privateDataDirectory(settings.dataDir());

        EmbeddedKafkaBroker broker = null;
        String bootstrap = settings.externalBootstrap();
        try {
            if (settings.embeddedBroker()) {
                log.info("Starting the embedded Kafka broker, data in {}", settings.kafkaLogDir());
                broker = EmbeddedKafkaBroker.start(settings.kafkaLogDir(), settings.kafkaPort());
                bootstrap = broker.bootstrapServers();
            } else {
                log.info("Using the Kafka cluster at {}; no embedded broker", bootstrap);
            }
            // The shared client settings (TLS, SASL) for an external cluster, read before Spring starts.
            Map<String, String> clientProperties = Binder.get(env)
                    .bind("offerpulse.kafka.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            List<String> created = TopicProvisioner.ensureTopics(bootstrap, clientProperties, Topics.ALL,
                    new TopicProvisioner.TopicSettings(settings.partitions(), settings.replication(),
                            settings.minInsyncReplicas(), settings.retention()));
            log.info("Topics ready ({} created now)", created.size());

            SpringApplication app = new SpringApplication(OfferPulseApplication.class);
            app.setRegisterShutdownHook(false);
            app.setDefaultProperties(defaults(settings, env, bootstrap, serverAddress));
            return new RunningPlatform(app.run(args), broker, bootstrap);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    /**
     * Lowest-precedence properties: what the launcher decided (bootstrap, signing key, listen address, share base
     * URL). Anything set in the environment or on the command line still wins. Dev-login is not among them: it is
     * off unless set explicitly.
     */
    private static Map<String, Object> defaults(LauncherSettings settings, StandardEnvironment env, String bootstrap,
            String serverAddress) {
        Map<String, Object> props = new HashMap<>();
        props.put("offerpulse.kafka.bootstrap", bootstrap);
        props.put("offerpulse.web.public-api-docs", "true");
        props.put("server.address", serverAddress);
        boolean externalKeys = has(env, "offerpulse.jwt.secret", "OFFERPULSE_JWT_SECRET")
                || has(env, "offerpulse.jwt.jwk-set-uri", "OFFERPULSE_JWT_JWKSETURI")
                || has(env, "offerpulse.jwt.signing-key-file", "OFFERPULSE_JWT_SIGNINGKEYFILE")
                || has(env, "offerpulse.auth.issuer-uri", "OFFERPULSE_AUTH_ISSUERURI");
        if (!externalKeys) {
            // Created 0600 on first start; refused later if another user owns it or may read it.
            SigningKeyFile.readOrCreate(settings.signingKeyFile());
            props.put("offerpulse.jwt.signing-key-file", settings.signingKeyFile().toString());
            // Viewer invites are HS256 (realtime's InviteTokens); with a signing key file the bearer-token verifier
            // accepts ES256 only, so this secret signs invites and nothing else.
            props.put("offerpulse.jwt.secret", SigningKeyFile.readOrCreateSecret(settings.inviteSecretFile()));
        }
        // Share links name this origin, never the request's Host header; set OFFERPULSE_SHARE_PUBLICBASEURL when
        // the launcher is reached under another name (a random port, 0, has no name to give: tests only).
        String port = env.getProperty("server.port", "8080");
        if (!"0".equals(port)) {
            props.put("offerpulse.share.public-base-url", "http://localhost:" + port);
        }
        props.put("offerpulse.data.dir", settings.dataDir().toString());
        props.put("offerpulse.stream.state-dir", settings.dataDir().resolve("streams").toString());
        props.put("offerpulse.query.state-dir", settings.dataDir().resolve("query").toString());
        // One process holds every room here, so rooms may live in memory when no Redis answers; a realtime service
        // run on its own refuses to start without Redis instead of silently splitting rooms per instance.
        props.put("offerpulse.realtime.redis-fallback", "true");
        props.put("spring.lifecycle.timeout-per-shutdown-phase", Duration.ofSeconds(10).toSeconds() + "s");
        return props;
    }

    private static boolean has(StandardEnvironment env, String property, String variable) {
        return env.containsProperty(property) || env.containsProperty(variable);
    }
}
