package com.offerpulse.platform.problem;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared body over the limit before reading a byte of it (413). A chunked body (no length) is passed on
 * up to the limit and, beyond it, read and discarded before the codec fails with the same 413.
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
        if (length < 0 && "chunked".equalsIgnoreCase(exchange.getRequest().getHeaders()
                .getFirst(HttpHeaders.TRANSFER_ENCODING))) {
            return chain.filter(exchange.mutate().request(new LimitedBody(exchange.getRequest(), limit)).build());
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /**
     * A chunked body: the codec sees at most {@code limit} bytes; past it the rest is read and discarded (up to
     * {@link #DRAIN_FACTOR} × the limit, for the same reason as above) and the body ends with the codec's own
     * {@link DataBufferLimitException}, which the exception handler answers with 413.
     */
    static final class LimitedBody extends ServerHttpRequestDecorator {
        private final long limit;

        LimitedBody(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                long[] seen = {0};
                return super.getBody().<DataBuffer>handle((buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] <= limit) {
                        sink.next(buffer);
                        return;
                    }
                    DataBufferUtils.release(buffer);
                    if (seen[0] > limit * DRAIN_FACTOR) {
                        sink.error(tooLarge());
                    }
                }).concatWith(Mono.defer(() -> seen[0] > limit ? Mono.error(tooLarge()) : Mono.empty()));
            });
        }

        private DataBufferLimitException tooLarge() {
            return new DataBufferLimitException("The request body is larger than " + limit + " bytes.");
        }
    }
}
