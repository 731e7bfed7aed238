package com.offerpulse.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser-facing protections ({@code offerpulse.web.*}).
 *
 * @param allowedOrigins        origins (e.g. {@code https://app.example.com}) whose pages may open the WebSockets;
 *                              the same origin is always allowed; empty (the default) = same origin only: the {@code Origin} header must name the host
 *                              the request was sent to. A handshake without {@code Origin} (not a browser) passes;
 *                              its token is what protects it.
 * @param contentSecurityPolicy sent on every response; the default allows scripts and styles from this origin only
 *                              (the Vite build has no inline script), sockets to this origin, no framing
 * @param referrerPolicy        sent on every response; default {@code no-referrer} (share links carry their token in
 *                              the path)
 */
@ConfigurationProperties("offerpulse.web")
public record WebSecuritySettings(@DefaultValue({}) List<String> allowedOrigins,
        @DefaultValue(DEFAULT_CSP) String contentSecurityPolicy,
        @DefaultValue("no-referrer") String referrerPolicy) {

    public static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
}
