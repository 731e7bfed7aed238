package com.offerpulse.platform.security;

import java.util.Comparator;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenClaims;
import com.offerpulse.platform.problem.ProblemResponses;

import reactor.core.publisher.Mono;

/**
 * The one security chain of a JVM: stateless bearer JWT, problem+json for 401/403, public health checks, each
 * module's rules, and a valid token for everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class PlatformSecurityConfiguration {

    @Bean
    SecurityWebFilterChain offerPulseSecurityChain(ServerHttpSecurity http, List<ApiAccessRules> moduleRules,
            ReactiveJwtDecoder jwtDecoder) {
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
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .oauth2ResourceServer(o -> o
                        .bearerTokenConverter(new QueryTokenForWebSocketsConverter())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(j -> j.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new RolesConverter())))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    exchanges.pathMatchers(HttpMethod.POST, "/api/auth/dev-login").permitAll();
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
    ReactiveJwtDecoder offerPulseJwtDecoder(JwtSettings settings) {
        if (settings.jwkSetUri() != null) {
            return NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString()).build();
        }
        if (!settings.hasSecret()) {
            throw new IllegalStateException("No JWT verification key: set OFFERPULSE_JWT_SECRET (HS256 shared secret, "
                    + "at least 32 bytes) or OFFERPULSE_JWT_JWKSETURI (an issuer's JWKS URL).");
        }
        return NimbusReactiveJwtDecoder.withSecretKey(HmacSecret.parse(settings.secret()))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }

    private static String describe(AuthenticationException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (message.contains("expired")) {
            return "The bearer token has expired; sign in again.";
        }
        if (message.contains("not authenticated") || message.contains("full authentication")) {
            return "A bearer token is required.";
        }
        return "The bearer token is invalid.";
    }

    /** Maps the {@code roles} claim to ROLE_* authorities; the user id is the subject. */
    static final class RolesConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {
        @Override
        public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
            List<SimpleGrantedAuthority> authorities = (roles == null ? List.<String>of() : roles).stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(java.util.Locale.ROOT)))
                    .toList();
            if (authorities.isEmpty()) {
                authorities = List.of(new SimpleGrantedAuthority("ROLE_" + Role.CANDIDATE.name()));
            }
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
        }
    }
}
