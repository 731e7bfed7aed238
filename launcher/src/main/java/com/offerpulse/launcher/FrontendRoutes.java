package com.offerpulse.launcher;

import java.time.Duration;
import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * The single-page frontend (built by Vite into {@code classpath:/static/}): Spring Boot's static handler serves its
 * files; here every client-side route answers with {@code index.html}, so a reload of {@code /dashboard} or a shared
 * {@code /s/{token}} link opens the app, and the content-hashed {@code /assets/**} are cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class FrontendRoutes {
    /** Paths the browser app routes itself; public, like the files (see {@link LauncherAccessRules}). */
    static final String[] CLIENT_ROUTES = {"/", "/dashboard", "/interview/**", "/kpi", "/how", "/s/**"};
    static final String INDEX = "static/index.html";
    static final String ASSETS = "/assets/";
    /** Asset names carry a content hash, so a changed file is a new URL and old ones never need revalidating. */
    static final Duration ASSET_MAX_AGE = Duration.ofDays(365);

    private static final String NOT_BUILT = """
            <!doctype html><meta charset="utf-8"><title>OfferPulse</title>
            <p>The OfferPulse web app has not been built into this jar. Install Node 20+ and npm, then run
            <code>./offerpulse up</code> (it builds <code>frontend/</code> first). The APIs under /api work meanwhile.</p>
            """;

    @Bean
    RouterFunction<ServerResponse> frontendPages() {
        Resource index = new ClassPathResource(INDEX);
        RequestPredicate pages = Arrays.stream(CLIENT_ROUTES).map(RequestPredicates::GET)
                .reduce(RequestPredicate::or).orElseThrow();
        return RouterFunctions.route(pages, request -> index.exists()
                ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                        .bodyValue(index)
                : ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).bodyValue(NOT_BUILT));
    }

    @Bean
    WebFilter frontendAssetCaching() {
        String immutable = CacheControl.maxAge(ASSET_MAX_AGE).cachePublic().immutable().getHeaderValue();
        return (exchange, chain) -> {
            if (exchange.getRequest().getMethod() == HttpMethod.GET
                    && exchange.getRequest().getPath().pathWithinApplication().value().startsWith(ASSETS)) {
                exchange.getResponse().beforeCommit(() -> {
                    if (exchange.getResponse().getStatusCode() != null
                            && exchange.getResponse().getStatusCode().is2xxSuccessful()) {
                        exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, immutable);
                    }
                    return reactor.core.publisher.Mono.empty();
                });
            }
            return chain.filter(exchange);
        };
    }
}
