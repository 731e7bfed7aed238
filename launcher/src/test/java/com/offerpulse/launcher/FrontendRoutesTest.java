package com.offerpulse.launcher;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The single-page app's routes: deep links get index.html, hashed assets are cached, other paths are untouched. */
class FrontendRoutesTest {
    private final FrontendRoutes routes = new FrontendRoutes();

    private WebTestClient client() {
        var assets = RouterFunctions.route(
                org.springframework.web.reactive.function.server.RequestPredicates.GET("/assets/{file}"),
                request -> ServerResponse.ok().contentType(MediaType.valueOf("text/javascript")).bodyValue("x"));
        return WebTestClient.bindToRouterFunction(routes.frontendPages().and(assets))
                .webFilter(routes.frontendAssetCaching()).build();
    }

    @Test
    void shouldServeTheAppForEveryClientRouteSoDeepLinksSurviveAReload() {
        for (String path : new String[] {"/", "/dashboard", "/interview", "/interview/s_0123456789abcdef",
                "/kpi", "/how", "/s/AbC-dEf_123"}) {
            client().get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                    .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                            .contains("<div id=\"root\">"));
        }
    }

    @Test
    void shouldLeaveApiAndUnknownPathsToTheirOwnHandlers() {
        client().get().uri("/api/user/sessions").exchange().expectStatus().isNotFound();
        client().get().uri("/dashboards").exchange().expectStatus().isNotFound();
        client().post().uri("/dashboard").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldCacheContentHashedAssetsForAYear() {
        client().get().uri("/assets/index-abc123.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> org.assertj.core.api.Assertions.assertThat(v)
                        .contains("max-age=31536000").contains("immutable"));
    }
}
