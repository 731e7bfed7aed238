package com.offerpulse.contracts.json;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one JSON codec of OfferPulse: snake_case on the wire, ISO-8601 instants, strict about types and
 * required fields, tolerant of unknown fields (a newer producer may add some).
 */
public final class JsonCodec {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private JsonCodec() {
    }

    /** Applies OfferPulse's wire rules to a builder, so Spring's codecs and Kafka serdes agree byte for byte. */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // Jackson still reads 1 as an enum's second constant and 5 / true as the strings "5" / "true"
                // unless told otherwise: a wrong type is a wrong type.
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("offerpulse-unicode-text")
                        .addDeserializer(String.class, new UnicodeTextDeserializer()))
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String encodeToString(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T decode(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw violationOf(e);
        }
    }

    public static <T> T decode(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw violationOf(e);
        }
    }

    /**
     * Turns any Jackson failure into a {@link ContractViolation} naming the offending field, so that every
     * service reports bad input the same way ("'segments[2].seq' must be an integer").
     */
    public static ContractViolation violationOf(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof ContractViolation v) {
                return v;
            }
            if (t instanceof JacksonException je) {
                return fromJackson(je);
            }
            t = t.getCause();
        }
        return new ContractViolation("", "is not valid JSON");
    }

    private static ContractViolation fromJackson(JacksonException e) {
        String path = pathOf(e.getPath());
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ContractViolation inner) {
            // The record's own check names the field relative to the record; prefix where it sits.
            return path.isEmpty() ? inner : inner.under(path);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new ContractViolation(path, "is invalid: " + e.getCause().getMessage());
        }
        if (e instanceof InvalidFormatException ife) {
            return new ContractViolation(path, "has an invalid value " + describe(ife.getValue())
                    + " (expected " + typeName(ife.getTargetType()) + ")");
        }
        if (e instanceof MismatchedInputException mie) {
            String msg = String.valueOf(e.getOriginalMessage());
            if (msg.startsWith("Missing required creator property")) {
                String field = between(msg, '\'');
                String full = path.isEmpty() ? field : path.endsWith(field) ? path : path + "." + field;
                return new ContractViolation(full, "is required");
            }
            if (msg.contains("Cannot map `null` into type")) {
                return new ContractViolation(path, "is required");
            }
            if (mie.getTargetType() != null && path.length() > 0) {
                return new ContractViolation(path, "must be " + typeName(mie.getTargetType()));
            }
            return new ContractViolation(path, "has the wrong shape: " + firstLine(msg));
        }
        if (e instanceof StreamReadException) {
            return new ContractViolation("", "is not valid JSON: " + firstLine(String.valueOf(e.getOriginalMessage())));
        }
        if (e instanceof DatabindException) {
            return new ContractViolation(path, "is invalid: " + firstLine(String.valueOf(e.getOriginalMessage())));
        }
        return new ContractViolation(path, "is not valid JSON");
    }

    private static String pathOf(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : refs) {
            if (ref.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"" : String.valueOf(value);
    }

    private static String between(String s, char quote) {
        int a = s.indexOf(quote);
        int b = a < 0 ? -1 : s.indexOf(quote, a + 1);
        return a >= 0 && b > a ? s.substring(a + 1, b) : "";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
