package com.offerpulse.contracts.json;

import java.util.Collection;

/** Invariant checks for event records; messages name the wire (snake_case) field so callers can show them. */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new ContractViolation(field, "is required");
        }
        return value;
    }

    public static String notBlank(String value, String field) {
        present(value, field);
        if (value.isBlank()) {
            throw new ContractViolation(field, "must not be blank");
        }
        return value;
    }

    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new ContractViolation(field, "must be at most " + max + " characters (was " + value.length() + ")");
        }
        return value;
    }

    public static long notNegative(long value, String field) {
        if (value < 0) {
            throw new ContractViolation(field, "must not be negative");
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new ContractViolation(field, "must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    public static <C extends Collection<?>> C maxSize(C values, int max, String field) {
        if (values != null && values.size() > max) {
            throw new ContractViolation(field, "must hold at most " + max + " items (was " + values.size() + ")");
        }
        return values;
    }
}
