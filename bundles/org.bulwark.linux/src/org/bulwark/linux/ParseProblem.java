package org.bulwark.linux;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;

/**
 * A line a parser could not understand.
 *
 * @param file    the file as the target sees it
 * @param line    the 1-based line
 * @param setting the setting the line was meant to set, lower-case, or {@code null} when not known
 * @param message what is wrong, e.g. {@code "no value"}
 */
public record ParseProblem(String file, int line, String setting, String message) {

    /** @return the place, as a {@link Source} of kind FILE */
    public Source source() {
        return Source.file(file, line);
    }

    /** @return e.g. {@code /etc/login.defs:12: no value} */
    public String describe() {
        return file + ":" + line + ": " + message;
    }

    /** @return an {@code UNPARSEABLE} observation of {@code key} naming this problem */
    public Observation toObservation(String key) {
        return Observation.unparseable(key, source(), describe());
    }
}
