package org.bulwark.scap.content;

import org.bulwark.scap.ScapContentException;
import org.osgi.annotation.versioning.ProviderType;

/** Turns SCAP content into Bulwark content and evaluates it. Implemented by Bulwark; thread-safe. */
@ProviderType
public interface ScapBenchmarks {

    /**
     * Reads the content (and tailoring), resolves the profile, makes one control per selected rule and registers
     * the collector that evaluates the rules' OVAL checks on an assessment's target.
     *
     * @return the prepared content; close it when the assessment is done
     * @throws ScapContentException when a file cannot be read or is malformed, or the profile is unknown, naming
     *         the file, line and element (or the profile)
     */
    ScapAssessment prepare(ScapSelection selection) throws ScapContentException;
}
