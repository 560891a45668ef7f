package org.bulwark.operations.api;

/**
 * A use case refused: bad input, something that does not exist, something the caller may not do, or a conflict
 * with what is stored. Nothing was written. Front ends map {@link #kind()}: the command line to exit code 2, a
 * server to 400, 404, 403 or 409.
 * <p>
 * The message is whole and human-readable; when the refusal concerns one field it begins with that field's name
 * as the JSON vocabulary spells it ({@code controlId}, {@code expires}, …), so that a command line can put its
 * option name in its place.
 */
public class OperationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a use case was refused. */
    public enum Kind {
        /** The input is wrong (missing, malformed, out of range, unknown to the store). */
        INVALID_INPUT,
        /** What was named does not exist. */
        NOT_FOUND,
        /** The caller may not do this (e.g. upload into a device group that is not its own). */
        FORBIDDEN,
        /** It conflicts with what is stored (e.g. an id that is taken, a change to something final). */
        CONFLICT
    }

    private final Kind kind;
    private final String code;
    private final String field;

    /**
     * @param kind    why
     * @param code    a short machine-readable code such as {@code invalid_report}, or {@code null} for the kind's
     *                (see {@link #code()})
     * @param field   the field it concerns, or {@code null}
     * @param message the whole message
     * @param cause   the underlying exception, or {@code null}
     */
    public OperationException(Kind kind, String code, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind == null ? Kind.INVALID_INPUT : kind;
        this.code = code;
        this.field = field;
    }

    /** @param message the whole message, beginning with {@code field} when there is one */
    public OperationException(Kind kind, String field, String message) {
        this(kind, null, field, message, null);
    }

    /** @return why the use case was refused */
    public Kind kind() {
        return kind;
    }

    /**
     * @return a short machine-readable code: the one given, else the kind in lower case ({@code invalid_input},
     *         {@code not_found}, {@code forbidden}, {@code conflict})
     */
    public String code() {
        return code != null ? code : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the field it concerns, in the JSON vocabulary's spelling, or {@code null} */
    public String field() {
        return field;
    }
}
