package com.offerpulse.platform.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

import com.nimbusds.jose.jwk.ECKey;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.platform.problem.ProblemResponses;

import reactor.core.publisher.Mono;

/**
 * The one security chain of a JVM: stateless bearer JWT verified one way ({@link TokenVerification}), problem+json
 * for 401/403, security headers on every response, the WebSocket origin check, public health checks and sign-in
 * routes, each module's rules, and a valid token for everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({TokenRulesSettings.class, WebSecuritySettings.class})
class PlatformSecurityConfiguration {

    @Bean
    SecurityWebFilterChain offerPulseSecurityChain(ServerHttpSecurity http, List<ApiAccessRules> moduleRules,
            ReactiveJwtDecoder jwtDecoder, TokenRulesSettings rules, WebSecuritySettings web) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, describe(e), null);
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
                "Your token does not allow this.", null);

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(web.contentSecurityPolicy()))
                        .frameOptions(f -> f.mode(Mode.DENY))
                        .referrerPolicy(r -> r.policy(referrerPolicy(web.referrerPolicy()))))
                .addFilterBefore(new WebSocketOriginFilter(web.allowedOrigins()),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .oauth2ResourceServer(o -> o
                        .bearerTokenConverter(new QueryTokenForWebSocketsConverter())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(j -> j.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(
                                new RolesConverter(rules.rolesClaim()))))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    exchanges.pathMatchers(HttpMethod.POST, "/api/auth/dev-login", "/api/auth/guest").permitAll();
                    exchanges.pathMatchers(HttpMethod.GET, JwksController.PATH).permitAll();
                    moduleRules.stream().sorted(Comparator.comparingInt(ApiAccessRules::order))
                            .forEach(r -> r.configure(exchanges));
                    exchanges.anyExchange().authenticated();
                });
        return http.build();
    }

    /**
     * Requests the firewall refuses before any route (an encoded slash or dot, a semicolon in the path…) get the
     * same problem+json 400 as any other bad input instead of an empty body.
     */
    @Bean
    ServerExchangeRejectedHandler offerPulseRejectedRequestHandler() {
        return (exchange, rejected) -> ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST,
                "The request URL is not allowed.", null);
    }

    @Bean
    LocalTokenKeys offerPulseLocalTokenKeys(JwtSettings keys, TokenRulesSettings rules, Clock clock) {
        Optional<ECKey> signingKey = Optional.ofNullable(keys.signingKeyFile()).map(SigningKeyFile::read);
        return new LocalTokenKeys(signingKey, TokenMint.from(keys, rules, signingKey, clock));
    }

    @Bean
    ReactiveJwtDecoder offerPulseJwtDecoder(JwtSettings keys, TokenRulesSettings rules, LocalTokenKeys local) {
        return TokenVerification.decoder(keys, rules, local.signingKey());
    }

    private static ReferrerPolicy referrerPolicy(String value) {
        for (ReferrerPolicy p : ReferrerPolicy.values()) {
            if (p.getPolicy().equalsIgnoreCase(value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("offerpulse.web.referrer-policy: unknown policy " + value);
    }

    private static String describe(AuthenticationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("expired")) {
            return "The bearer token has expired; sign in again.";
        }
        if (message.contains("not authenticated") || message.contains("full authentication")) {
            return "A bearer token is required.";
        }
        return "The bearer token is invalid.";
    }

    /**
     * Maps the configured roles claim (a list or a single string; a dotted name walks nested objects, as Keycloak's
     * {@code realm_access.roles}) to ROLE_* authorities of known roles only; the user id is the subject. Every
     * signed-in user is a candidate.
     */
    static final class RolesConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {
        private final String[] path;

        RolesConverter(String rolesClaim) {
            this.path = rolesClaim.split("\\.");
        }

        @Override
        public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Role.CANDIDATE.name()));
            for (String value : values(jwt.getClaims())) {
                for (Role role : Role.values()) {
                    if (role != Role.CANDIDATE && role.claimValue().equalsIgnoreCase(value)) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
                    }
                }
            }
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        }

        private List<String> values(Map<String, Object> claims) {
            Object node = claims;
            for (String step : path) {
                if (!(node instanceof Map<?, ?> map)) {
                    return List.of();
                }
                node = map.get(step);
            }
            if (node instanceof String one) {
                return List.of(one);
            }
            if (node instanceof Collection<?> many) {
                return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            }
            return List.of();
        }
    }
}
