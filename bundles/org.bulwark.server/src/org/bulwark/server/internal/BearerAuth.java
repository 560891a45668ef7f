package org.bulwark.server.internal;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.bulwark.server.api.Role;

/**
 * Bearer authentication: {@code Authorization: Bearer <token>} → the token's principal (id, name, role and device
 * groups) from {@code tokens.json}, and the role sets the routes admit.
 */
final class BearerAuth {

    /** Every role but the agent's reads. */
    static final Set<Role> READERS = Set.copyOf(EnumSet.of(Role.VIEWER, Role.REMEDIATION_HANDLER,
            Role.EXCEPTION_HANDLER, Role.ADMINISTRATOR));
    static final Set<Role> UPLOADERS = Set.copyOf(EnumSet.of(Role.AGENT, Role.ADMINISTRATOR));
    static final Set<Role> REMEDIATORS = Set.copyOf(EnumSet.of(Role.REMEDIATION_HANDLER, Role.ADMINISTRATOR));
    static final Set<Role> EXCEPTORS = Set.copyOf(EnumSet.of(Role.EXCEPTION_HANDLER, Role.ADMINISTRATOR));
    static final Set<Role> ADMINS = Set.of(Role.ADMINISTRATOR);

    private final Tokens tokens;

    BearerAuth(Tokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @return the caller; 401 without a bearer token or with an unknown one
     */
    Tokens.Token authenticate(String authorization) throws IOException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "unauthorized", "an API token is required: Authorization: Bearer <token>");
        }
        Tokens.Token token = tokens.find(authorization.substring(7).trim());
        if (token == null) {
            throw new ApiError(401, "unauthorized", "unknown API token");
        }
        return token;
    }

    /** 403 unless {@code roles} admits the caller's role for {@code method template}. */
    static void authorize(Tokens.Token caller, Set<Role> roles, String method, String template) {
        if (!roles.contains(caller.role())) {
            throw ApiError.forbidden("role " + caller.role() + " may not " + method + " " + template);
        }
    }
}
