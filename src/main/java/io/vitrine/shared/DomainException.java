package io.vitrine.shared;

/**
 * A request that cannot be served, with a message meant for the person who made it.
 * The web layer turns it into a problem detail, the realtime gateway into an error frame.
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;
    private final String field;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    private DomainException(Kind kind, String code, String message, String field) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    /** An invalid value of one request field; reported like a failed bean validation of that field. */
    public static DomainException invalidField(String field, String message) {
        return new DomainException(Kind.INVALID, "invalid", message, field);
    }

    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, "not_found", what + " was not found.");
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, "forbidden", message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID, "invalid", message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
