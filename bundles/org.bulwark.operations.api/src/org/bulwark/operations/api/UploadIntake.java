package org.bulwark.operations.api;

import java.util.Collection;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A fleet server's upload step: read, check, group, authorize, score and store one agent's upload. Thread-safe.
 */
@ProviderType
public interface UploadIntake {

    /**
     * Takes in one upload: {@link #prepare} and then {@link #save}.
     *
     * @param exceptionsInForce the exceptions in force (the server's, at most a moment old)
     * @throws OperationException as {@link #prepare}; nothing was stored
     * @throws StoreException     when the store fails; nothing was stored
     */
    UploadOutcome accept(AssessmentStore store, UploadBody body, UploadPolicy policy,
            Collection<ControlException> exceptionsInForce) throws OperationException, StoreException;

    /**
     * Checks one upload without storing it: reads it ({@code ReportReader.readUpload}: an upload document or a full
     * report), checks every control against the installed content, decides the device group and authorizes the
     * uploader, and scores it with the installed content and those of {@code exceptionsInForce} that cover the
     * device and are active when it was assessed.
     * <p>
     * The device group: a machine id belongs to the group the store keeps for it (the one it was first put in). The
     * group {@code policy} decides for the reported device replaces it only when the uploader may upload to both;
     * an uploader of the kept group only keeps the machine there. An uploader that may not upload to the machine's
     * group (the kept one, or for a new machine the decided one) is refused.
     *
     * @param exceptionsInForce the exceptions in force (the server's, at most a moment old)
     * @throws OperationException INVALID_INPUT (code {@code invalid_report}) for a document that cannot be read,
     *                            INVALID_INPUT (code {@code unknown_controls}, field {@code controls}) naming up to
     *                            five controls the installed content lacks, FORBIDDEN (field {@code group}) naming
     *                            the machine's group and the uploader's
     * @throws StoreException     when the store cannot be read
     * @since 1.2
     */
    PreparedUpload prepare(AssessmentStore store, UploadBody body, UploadPolicy policy,
            Collection<ControlException> exceptionsInForce) throws OperationException, StoreException;

    /**
     * Stores a prepared upload in one transaction (as sent when it came gzip-compressed).
     *
     * @throws StoreException when the store fails; nothing was stored
     * @since 1.2
     */
    UploadOutcome save(AssessmentStore store, PreparedUpload upload) throws StoreException;
}
