package org.bulwark.server.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bulwark.store.api.AssessmentStore;
import org.osgi.annotation.versioning.ProviderType;

/** Starts fleet servers and manages their API tokens. A thread-safe service. */
@ProviderType
public interface FleetServer {

    /** The largest upload accepted; larger bodies are answered with 413. */
    long DEFAULT_MAX_UPLOAD_BYTES = 16L * 1024 * 1024;

    /** The group of devices that match no device group rule. */
    String UNGROUPED = "Ungrouped";

    /** The token group that stands for every device group. */
    String ALL_GROUPS = "*";

    /**
     * How to run a server.
     *
     * @param host           the address to listen on, e.g. {@code 127.0.0.1}
     * @param port           the port, 0 for an ephemeral one
     * @param dataDir        where tokens ({@code tokens.json}), device group rules ({@code groups.json}) and the
     *                       upload id log ({@code uploads.log}) are kept
     * @param maxUploadBytes the largest upload body
     * @param threads        request threads
     * @param tls            HTTPS with this keystore, or {@code null} for plain HTTP
     * @since 1.1
     */
    record Settings(String host, int port, Path dataDir, long maxUploadBytes, int threads, Tls tls) {

        /** Plain HTTP: the settings of version 1.0. */
        public Settings(String host, int port, Path dataDir, long maxUploadBytes, int threads) {
            this(host, port, dataDir, maxUploadBytes, threads, null);
        }
    }

    /**
     * HTTPS (TLS 1.3 and 1.2 only) with the first private key of a keystore and its certificate chain.
     *
     * @param keystore a PKCS12 or JKS keystore holding a private key and its certificate chain
     * @param password the keystore's password, which is also the key's (as PKCS12 has it); not shown by
     *                 {@link #toString()}
     * @since 1.1
     */
    record Tls(Path keystore, char[] password) {
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=***]";
        }
    }

    /**
     * What is known about a token, never its secret.
     *
     * @param id      its public id ({@code tok_} and 8 hexadecimal digits), unique in the data directory
     * @param name    who or what uses it
     * @param role    what it may do
     * @param groups  the device groups it sees ({@link #ALL_GROUPS} for all)
     * @param created when it was created; {@code null} for tokens created before version 1.1 recorded it
     * @since 1.1
     */
    record TokenInfo(String id, String name, Role role, Set<String> groups, Instant created) {
    }

    /**
     * A token just created.
     *
     * @param secret the token, which is not stored and cannot be shown again
     * @param info   what {@link #listTokens(Path)} shows of it
     * @since 1.1
     */
    record NewToken(String secret, TokenInfo info) {
        @Override
        public String toString() {
            return "NewToken[secret=***, info=" + info + "]";
        }
    }

    /** A running server. */
    interface Running extends AutoCloseable {
        /** @return the port it listens on */
        int port();

        /**
         * Stops accepting requests, lets requests in flight finish (up to {@code graceSeconds}), then stops.
         * An upload that was answered 201 is stored.
         */
        void stop(int graceSeconds);

        @Override
        default void close() {
            stop(10);
        }
    }

    /**
     * Starts a server on {@code store}; the caller keeps the store open until the server is stopped.
     *
     * @throws IOException when the port cannot be bound, the data directory not read, or the TLS keystore not
     *                     used (see {@link #checkTls(Tls)}); nothing is started then
     */
    Running start(AssessmentStore store, Settings settings) throws IOException;

    /**
     * Checks that {@code tls} can be used: the keystore exists, is readable, opens with the password and holds a
     * private key. {@link #start} checks the same before it binds the port; this lets a caller check before it
     * opens anything else.
     *
     * @throws IOException naming the keystore file and what is wrong with it
     * @since 1.1
     */
    void checkTls(Tls tls) throws IOException;

    /**
     * Creates an API token and stores its SHA-256 hash in the data directory.
     *
     * @param groups device groups it sees ({@link #ALL_GROUPS} for all)
     * @return the token, which is not stored and cannot be shown again
     */
    String createToken(Path dataDir, String name, Role role, Set<String> groups) throws IOException;

    /**
     * Creates an API token like {@link #createToken} and returns its public description too.
     *
     * @since 1.1
     */
    NewToken issueToken(Path dataDir, String name, Role role, Set<String> groups) throws IOException;

    /**
     * Lists the tokens of a data directory in the order they were created, without their secrets.
     *
     * @return the tokens; empty when there are none
     * @since 1.1
     */
    List<TokenInfo> listTokens(Path dataDir) throws IOException;

    /**
     * Revokes a token: a running server on that data directory refuses it (401) from its next request on.
     *
     * @param idOrName the token's id, or its name when exactly one token has that name
     * @return the revoked token
     * @throws IllegalArgumentException when no token has that id or name, or several have that name (the message
     *                                  lists their ids)
     * @since 1.1
     */
    TokenInfo revokeToken(Path dataDir, String idOrName) throws IOException;
}
