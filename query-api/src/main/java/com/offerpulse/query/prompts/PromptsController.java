package com.offerpulse.query.prompts;

import java.time.Clock;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.growth.TestimonialPrompt;
import com.offerpulse.platform.security.CurrentUser;
import com.offerpulse.query.routing.ViewRouter;
import com.offerpulse.query.views.QueryTopology;

import reactor.core.publisher.Mono;

/**
 * The signed-in user's prompts, from the store of {@code user.prompts.v1}, answered by the instance that owns the
 * user's key. Whether a cycle is over is decided here, against the clock: the stream processor only moves a prompt
 * when something happens.
 */
@RestController
class PromptsController {
    private final ViewRouter router;
    private final Clock clock;

    PromptsController(ViewRouter router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    @GetMapping("/api/user/prompts")
    Mono<ResponseEntity<?>> prompts(ServerWebExchange exchange) {
        return CurrentUser.find().flatMap(user -> router.<TestimonialPrompt>serve(exchange,
                QueryTopology.PROMPTS_STORE, user.userId(),
                found -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(new PromptsResponse(TestimonialPromptView.of(found, clock.instant())))));
    }
}
