package com.offerpulse.platform.problem;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The one place a problem's {@code detail} is made safe to show: every problem+json body (controllers, filters,
 * security handlers, the WebSocket error answers) passes through {@link #of}. A detail that carries internals (a
 * Java class name, an exception type, an absolute or internal URL, a host:port) is replaced by a plain sentence for
 * its status, keeping the offending field's name; the original is never shown. Libraries (Spring, Jackson, Kafka)
 * write such messages for developers, and a new one can appear with any upgrade, so the check is on the way out
 * rather than at each source.
 */
public final class SafeDetail {
    /** Longer details are cut: a message echoing a long input must not echo all of it. */
    static final int MAX_LENGTH = 300;

    private static final Pattern INTERNALS = Pattern.compile(String.join("|",
            // a qualified Java name: com.offerpulse.X, java.util.List, tools.jackson.core.JsonToken
            "\\b[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z][A-Za-z0-9_$]*",
            // an exception or error type, or a Jackson token name
            "\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b", "JsonToken\\.", "\\bbodyType=",
            // a URL with a scheme, or a host:port
            "\\b[a-zA-Z][a-zA-Z0-9+.-]*://", "\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d+)?\\b", "\\blocalhost:\\d+",
            // a stack frame; code quoted the way Java and Jackson messages quote it
            "\\bat [\\w.$]+\\(", "`"));
    /** A JSON parser's location suffix ("(start marker at [Source: …; line: 1, column: 1])"): cut, not shown. */
    private static final Pattern PARSER_LOCATION = Pattern.compile("\\s*\\(?\\s*(?:start marker at\\s*)?\\[Source:.*$",
            Pattern.DOTALL);

    private SafeDetail() {
    }

    /** {@code detail} when it is safe to show, otherwise a generic sentence for the status (naming the field). */
    public static String of(HttpStatusCode status, String detail, String field) {
        if (detail != null) {
            detail = PARSER_LOCATION.matcher(detail).replaceFirst("");
        }
        if (detail == null || detail.isBlank() || INTERNALS.matcher(detail).find()) {
            return generic(status, field);
        }
        return detail.length() <= MAX_LENGTH ? detail : detail.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** True when {@link #of} would show this detail as it is (short enough aside). */
    public static boolean isSafe(String detail) {
        return detail != null && !detail.isBlank()
                && !INTERNALS.matcher(PARSER_LOCATION.matcher(detail).replaceFirst("")).find();
    }

    static String generic(HttpStatusCode status, String field) {
        boolean named = field != null && !field.isEmpty() && field.length() <= 100;
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is5xxServerError() ? "Something went wrong on our side." : "The request could not be served.";
        }
        return switch (known) {
            case BAD_REQUEST -> named ? "'" + field + "' is invalid." : "The request is invalid.";
            case UNAUTHORIZED -> "A valid bearer token is required.";
            case FORBIDDEN -> "You may not do this.";
            case NOT_FOUND -> "Not found.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case NOT_ACCEPTABLE -> "This resource answers application/json only.";
            case CONFLICT -> "The request conflicts with the current state.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than allowed.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case UNPROCESSABLE_CONTENT -> named ? "'" + field + "' is beyond what is allowed." : "The request is beyond what is allowed.";
            case TOO_MANY_REQUESTS -> "Too many requests; slow down.";
            case SERVICE_UNAVAILABLE -> "The service is unavailable right now; retry shortly.";
            default -> status.is5xxServerError() ? "Something went wrong on our side." : "The request could not be served.";
        };
    }
}
