package org.bulwark.store.internal;

import static org.bulwark.store.internal.Sql.require;

import java.util.TreeSet;

import org.bulwark.scoring.api.AssessedControl;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.BenchmarkInfo;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.StoreException;

/**
 * The lengths the schema's columns take, checked before an assessment is written: a value that does not fit is
 * the caller's bad input (INVALID_INPUT naming the field, so a client is told, not asked to retry), never a failed
 * statement that the store would report as unavailable. Nothing is cut.
 */
final class AssessmentLimits {

    /** Identifiers and names: {@code VARCHAR(400)}. */
    static final int NAME = 400;
    /** Titles, paths and messages: {@code VARCHAR(4000)}. */
    static final int TEXT = 4000;

    private AssessmentLimits() {
    }

    static void check(Assessment a) throws StoreException {
        Device d = a.device();
        fits(d.id(), NAME, "device.id");
        fits(d.hostname(), NAME, "device.hostname");
        fits(d.os(), NAME, "device.os");
        for (String g : d.groups()) {
            fits(g, NAME, "device.groups");
        }
        fits(String.join("\n", new TreeSet<>(d.groups())), TEXT, "device.groups (together)");
        fits(a.root(), TEXT, "root");
        for (BenchmarkInfo b : a.benchmarks()) {
            fits(b.id(), NAME, "content.id");
            fits(b.title(), TEXT, "content.title");
            fits(b.version(), NAME, "content.version");
            fits(b.origin(), TEXT, "content.origin");
        }
        for (CollectorRun r : a.collectors()) {
            fits(r.collectorId(), NAME, "collectors.id");
            fits(r.bundle(), NAME, "collectors.bundle");
            fits(r.message(), TEXT, "collectors.message");
        }
        for (AssessedControl c : a.controls()) {
            fits(c.control().id(), NAME, "results.id");
        }
        for (ControlException e : a.exceptions()) {
            fits(e.id(), NAME, "exceptions.id");
            fits(e.controlId(), NAME, "exceptions.controlId");
            fits(e.target(), NAME, "exceptions.target");
            fits(e.author(), NAME, "exceptions.author");
        }
    }

    private static void fits(String value, int max, String field) throws StoreException {
        if (value != null && value.length() > max) {
            require(false, field + ": longer than " + max + " characters (" + value.length() + ")");
        }
    }
}
