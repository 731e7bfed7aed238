package com.offerpulse.query.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.analytics.ConfidenceBand;
import com.offerpulse.contracts.analytics.DataSufficiency;
import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.query.QuerySettings;
import com.offerpulse.query.routing.PartitionViews;
import com.offerpulse.query.routing.ViewRouter;
import com.offerpulse.query.user.OfferProbabilityResponse;
import com.offerpulse.query.user.RoundItem;
import com.offerpulse.query.user.RoundPage;

import reactor.core.publisher.Mono;

/**
 * The read of a snapshot's source when the user's keys live on another instance: the router forwards each read as
 * a GET of the endpoint that serves the store, and the JSON the owner answers is decoded (pages followed as far as
 * the period reaches).
 */
class ShareSourcesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** Plays the owner on another instance: answers each forwarded GET with the JSON of a scripted response. */
    static final class RemoteViews implements ViewRouter {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Map<String, ResponseEntity<byte[]>> answers;

        RemoteViews(Map<String, ResponseEntity<byte[]>> answers) {
            this.answers = answers;
        }

        @Override
        public Mono<ResponseEntity<?>> read(ServerWebExchange exchange, String store, String key,
                Function<PartitionViews, ResponseEntity<?>> answer) {
            String uri = exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath()
                    + (exchange.getRequest().getURI().getRawQuery() == null ? ""
                            : "?" + exchange.getRequest().getURI().getRawQuery());
            requests.add(uri);
            return Mono.just(answers.getOrDefault(uri, ResponseEntity.status(HttpStatus.NOT_FOUND).build()));
        }
    }

    private static ResponseEntity<byte[]> json(Object body) {
        return ResponseEntity.ok(JsonCodec.encode(body));
    }

    private static RoundItem item(String id, int daysAgo, Double before, double after) {
        return new RoundItem(id, NOW.minus(Duration.ofDays(daysAgo)), EndReason.CLIENT, 60, before, after, null,
                new MeterValues(60, 60, 60, 60, 30), 6);
    }

    private static QuerySettings querySettings() {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("offerpulse.query",
                QuerySettings.class);
    }

    private static ServerWebExchange shareRequest() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("http://localhost:8080/api/share")
                .header(HttpHeaders.AUTHORIZATION, "Bearer t"));
    }

    @Test
    void shouldReadTheOwnersAnswersAndFollowPagesUntilThePeriodIsCovered() {
        OfferProbabilityResponse probability = new OfferProbabilityResponse(0.61, new ConfidenceBand(0.5, 0.7),
                List.of(new Driver("credibility", 0.3, "d")), List.of(new Driver("risk_drift", -0.2, "d")), 0.02,
                List.of(), 3, DataSufficiency.OK, NOW);
        RemoteViews remote = new RemoteViews(Map.of(
                "GET /api/user/offer-probability", json(probability),
                "GET /api/user/sessions?limit=100", json(new RoundPage(List.of(item("s_3", 2, 0.5, 0.61),
                        item("s_2", 20, 0.4, 0.5)), "c1")),
                "GET /api/user/sessions?limit=100&cursor=c1", json(new RoundPage(List.of(item("s_1", 40, null, 0.4)),
                        "c2"))));

        ShareSource source = new ShareSources(remote, querySettings())
                .read(shareRequest(), "u_ada", NOW.minus(Duration.ofDays(30))).block();

        assertThat(remote.requests).containsExactlyInAnyOrder("GET /api/user/offer-probability",
                "GET /api/user/sessions?limit=100", "GET /api/user/sessions?limit=100&cursor=c1");
        assertThat(source.offerProbability()).isEqualTo(0.61);
        assertThat(source.driversPositive()).extracting(Driver::meter).containsExactly("credibility");
        assertThat(source.driversNegative()).extracting(Driver::meter).containsExactly("risk_drift");
        assertThat(source.rounds()).extracting(ShareSource.RoundPoint::after).containsExactly(0.61, 0.5, 0.4);
        assertThat(ShareViewBuilder.build(source, 30, NOW).changeOverPeriod()).isEqualTo(0.21);
    }

    @Test
    void shouldPassOnTheOwnersUnavailabilityAsA503WithItsRetryAfter() {
        RemoteViews remote = new RemoteViews(Map.of(
                "GET /api/user/offer-probability", ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, "7").body("{}".getBytes()),
                "GET /api/user/sessions?limit=100", json(new RoundPage(List.of(), null))));

        assertThatThrownBy(() -> new ShareSources(remote, querySettings())
                .read(shareRequest(), "u_ada", NOW.minus(Duration.ofDays(30))).block())
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(p.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
    }
}
