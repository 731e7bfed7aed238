package com.offerpulse.platform.problem;

import org.springframework.core.Ordered;
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
    private final WebLimits limits;

    RequestSizeLimitFilter(WebLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limits.maxBodySize().toBytes()) {
            return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request body is " + length + " bytes; the limit is " + limits.maxBodySize().toBytes() + ".",
                    null);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
