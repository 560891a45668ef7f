package org.bulwark.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What makes a write transaction durable before the store acknowledges it: PostgreSQL's commit is (its default
 * {@code synchronous_commit}); an H2 file needs {@link H2Durability}.
 */
interface Durability {

    /** Called on the writing thread with its connection before a write transaction does its work. */
    void beforeWrite(Connection c) throws SQLException;

    /** Called on the writing thread with its connection right after a write transaction committed. */
    void committed(Connection c) throws SQLException;

    /** @return nothing more to do: the database's commit is durable by itself */
    static Durability commit() {
        return new Durability() {
            @Override
            public void beforeWrite(Connection c) {
                // nothing to do
            }

            @Override
            public void committed(Connection c) {
                // the commit is durable
            }
        };
    }
}
