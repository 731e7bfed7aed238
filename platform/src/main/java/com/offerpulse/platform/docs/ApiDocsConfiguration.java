package com.offerpulse.platform.docs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;

import com.offerpulse.platform.security.ApiAccessRules;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of every route served by this JVM (all four services on the launcher), at
 * {@code /api/docs}. The docs pages are public only where {@code offerpulse.web.public-api-docs=true} (the embedded
 * default); elsewhere they need a token like every other route.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI offerPulseOpenApi() {
        return new OpenAPI()
                .info(new Info().title("OfferPulse API").version("v1")
                        .description("Interview practice analytics: ingest (commands), query (views), realtime rooms. "
                                + "All JSON is snake_case; errors are application/problem+json."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    ApiAccessRules apiDocsAccessRules(@Value("${offerpulse.web.public-api-docs:false}") boolean publicDocs) {
        return new ApiAccessRules() {
            @Override
            public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
                if (publicDocs) {
                    exchanges.pathMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/webjars/swagger-ui/**")
                            .permitAll();
                }
            }
        };
    }
}
