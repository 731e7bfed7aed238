package com.offerpulse.contracts.json;

/**
 * A payload that breaks its contract: a required field missing, a wrong type or a value out of range.
 * {@link #field()} is the wire path (snake_case, dotted, with [i] for list items) so an API can name it.
 */
public class ContractViolation extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public ContractViolation(String field, String reason) {
        super(field == null || field.isEmpty() ? reason : "'" + field + "' " + reason);
        this.field = field == null ? "" : field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** The same violation seen from an enclosing object, e.g. {@code text} inside {@code segments[3]}. */
    public ContractViolation under(String parentPath) {
        String path = field.isEmpty() ? parentPath : parentPath + (field.startsWith("[") ? "" : ".") + field;
        return new ContractViolation(path, reason);
    }
}
