package org.bulwark.server.internal;

/**
 * An error answer: {@code {"error": {"code": …, "message": …}}} with a 4xx or 5xx status. Resources throw it; the
 * {@link Router} turns it into the reply.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    final int retryAfter;

    ApiError(int status, String code, String message) {
        this(status, code, message, 0);
    }

    ApiError(int status, String code, String message, int retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** @return 400 {@code invalid_input} with {@code message}, which names the field first */
    static ApiError invalid(String message) {
        return new ApiError(400, "invalid_input", message);
    }

    /** @return 404 {@code not_found} */
    static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    /** @return 403 {@code forbidden} */
    static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    /** @return 400 {@code invalid_parameter}, for query parameters */
    static ApiError parameter(String message) {
        return new ApiError(400, "invalid_parameter", message);
    }
}
