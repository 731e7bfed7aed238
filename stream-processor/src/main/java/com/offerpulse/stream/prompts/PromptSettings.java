package com.offerpulse.stream.prompts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

/**
 * The testimonial loop ({@code offerpulse.growth.testimonial.*}); the rest of the Streams settings (state dir,
 * commit interval, standbys) come from {@code offerpulse.stream.*}.
 *
 * @param applicationId Kafka Streams application id of the prompt derivation (its own consumer group, internal
 *                      topic prefix and state directory)
 * @param minRise       a round makes the prompt eligible when its offer probability rose by at least this much
 *                      ({@code offer_probability_after - offer_probability_before}, a probability difference)
 * @param cycleLength   how long one prompt cycle lasts: a dismissal or a testimonial keeps the prompt away until the
 *                      cycle ends
 */
@Validated
@ConfigurationProperties("offerpulse.growth.testimonial")
public record PromptSettings(
        @DefaultValue(DEFAULT_APPLICATION_ID) @NotBlank String applicationId,
        @DefaultValue(DEFAULT_MIN_RISE) @DecimalMin("0.0") @DecimalMax("1.0") double minRise,
        @DefaultValue(DEFAULT_CYCLE_LENGTH) Duration cycleLength) {

    public static final String DEFAULT_APPLICATION_ID = "offerpulse-prompts";
    public static final String DEFAULT_MIN_RISE = "0.03";
    public static final String DEFAULT_CYCLE_LENGTH = "30d";

    public PromptSettings {
        if (cycleLength == null || cycleLength.isNegative() || cycleLength.isZero()) {
            throw new IllegalArgumentException("offerpulse.growth.testimonial.cycle-length must be positive");
        }
    }

    /** The defaults, for tests and tools that build the topology without Spring. */
    public static PromptSettings defaults() {
        return new PromptSettings(DEFAULT_APPLICATION_ID, Double.parseDouble(DEFAULT_MIN_RISE), Duration.ofDays(30));
    }
}
