package io.vitrine.shared;

/**
 * A request that cannot be served, with a message meant for the person who made it.
 * The web layer turns it into a problem detail, the realtime gateway into an error frame.
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
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
}
