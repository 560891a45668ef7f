package org.bulwark.operations.api;

import java.util.Collection;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.osgi.annotation.versioning.ProviderType;

/** A fleet server's upload step: read, check, group, score and store one agent's upload. Thread-safe. */
@ProviderType
public interface UploadIntake {

    /**
     * Takes in one upload: reads it ({@code ReportReader.readUpload}: an upload document or a full report), checks
     * every control against the installed content, decides the device group with {@code policy} and refuses a
     * group the uploader may not upload to, scores it with the installed content and those of
     * {@code exceptionsInForce} that cover the device and are active when it was assessed, and saves it in one
     * transaction (as sent when it came gzip-compressed).
     *
     * @param exceptionsInForce the exceptions in force (the server's, at most a moment old)
     * @throws OperationException INVALID_INPUT (code {@code invalid_report}) for a document that cannot be read,
     *                            INVALID_INPUT (code {@code unknown_controls}, field {@code controls}) naming up to
     *                            five controls the installed content lacks, FORBIDDEN (field {@code group}) naming
     *                            the device's group and the uploader's; nothing was stored
     * @throws StoreException     when the store fails; nothing was stored
     */
    UploadOutcome accept(AssessmentStore store, UploadBody body, UploadPolicy policy,
            Collection<ControlException> exceptionsInForce) throws OperationException, StoreException;
}
