package com.offerpulse.platform.problem;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a declared body over the limit before reading a byte of it (413). Chunked bodies without a length are
 * capped by the codec's in-memory limit, which the exception handler also maps to 413.
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {
    private static final long DRAIN_FACTOR = 4;
    private final WebLimits limits;

    RequestSizeLimitFilter(WebLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        long limit = limits.maxBodySize().toBytes();
        if (length > limit) {
            // Read and discard a moderately oversized body first: answering while the client is still sending makes
            // many clients see a reset connection instead of the 413. A huge one is refused at once.
            Mono<Void> drain = length <= limit * DRAIN_FACTOR
                    ? exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then()
                    : Mono.empty();
            return drain.onErrorResume(e -> Mono.empty()).then(ProblemResponses.write(exchange,
                    HttpStatus.PAYLOAD_TOO_LARGE, "The request body is " + length + " bytes; the limit is " + limit + ".",
                    null));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
