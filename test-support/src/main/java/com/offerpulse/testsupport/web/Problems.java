package com.offerpulse.testsupport.web;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Asserts the problem+json shape every error of every service shares. */
public final class Problems {
    private Problems() {
    }

    public static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.type").isNotEmpty();
    }
}
