package com.offerpulse.contracts.growth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The product events of DESIGN.md; {@link #clientMayEmit()} tells which a browser may send itself. */
public enum ProductEventName {
    @JsonProperty("landing_view") LANDING_VIEW(true),
    @JsonProperty("cta_click") CTA_CLICK(true),
    @JsonProperty("session_started") SESSION_STARTED(false),
    @JsonProperty("first_meter_seen") FIRST_METER_SEEN(true),
    @JsonProperty("session_completed") SESSION_COMPLETED(false),
    @JsonProperty("share_created") SHARE_CREATED(false),
    @JsonProperty("share_viewed") SHARE_VIEWED(false),
    @JsonProperty("testimonial_prompt_shown") TESTIMONIAL_PROMPT_SHOWN(true),
    @JsonProperty("testimonial_submitted") TESTIMONIAL_SUBMITTED(false),
    @JsonProperty("testimonial_dismissed") TESTIMONIAL_DISMISSED(false);

    private final boolean clientMayEmit;

    ProductEventName(boolean clientMayEmit) {
        this.clientMayEmit = clientMayEmit;
    }

    /** Server-derived events (a session started, a share viewed…) are written by the services, never by clients. */
    public boolean clientMayEmit() {
        return clientMayEmit;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
