package org.bulwark.server.internal;

import java.util.Set;

import org.bulwark.server.api.Role;

/** The endpoints of one path family; registers its routes with the {@link Router}. */
interface Resource {

    /** Answers one request; throws {@link ApiError} (or a store or I/O failure) for an error answer. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Request request) throws Exception;
    }

    /** Where a resource adds its routes. */
    @FunctionalInterface
    interface Routes {
        /**
         * @param method   the HTTP method
         * @param template the path, with {@code {name}} for a path segment
         * @param roles    the roles that may call it; {@code null} for a public route (no token needed)
         */
        void add(String method, String template, Set<Role> roles, Handler handler);
    }

    void register(Routes routes);
}
