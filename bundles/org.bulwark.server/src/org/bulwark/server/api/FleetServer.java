package org.bulwark.server.api;

import java.io.IOException;
import java.nio.file.Path;
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
     */
    record Settings(String host, int port, Path dataDir, long maxUploadBytes, int threads) {
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
     * @throws IOException when the port cannot be bound or the data directory not read
     */
    Running start(AssessmentStore store, Settings settings) throws IOException;

    /**
     * Creates an API token and stores its SHA-256 hash in the data directory.
     *
     * @param groups device groups it sees ({@link #ALL_GROUPS} for all)
     * @return the token, which is not stored and cannot be shown again
     */
    String createToken(Path dataDir, String name, Role role, Set<String> groups) throws IOException;
}
