package org.bulwark.ui.internal.parts;

import static org.bulwark.testing.ExposureExample.DEBIAN_CSV;
import static org.bulwark.testing.ExposureExample.EPSS;
import static org.bulwark.testing.ExposureExample.STATUS;
import static org.bulwark.testing.ExposureExample.TRACKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.bulwark.operations.api.ExposureReport;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.model.Exposure;
import org.bulwark.ui.internal.model.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weaknesses part on the exposure worked out by hand ({@link org.bulwark.testing.ExposureExample}, as the command
 * line's {@code WeaknessesCommandTest}): a Debian 12 device with openssl, libssl3, bsdutils (from util-linux) and tar
 * installed, a tracker feed, the distro-info CSV and an EPSS score.
 */
class WeaknessesPartTest extends PartsTestBase {

    WeaknessesPart part;

    /** The fixture becomes a Debian 12 (bookworm) device with {@link org.bulwark.testing.ExposureExample#STATUS} installed, assessed again. */
    @BeforeEach
    void openWeaknesses() throws Exception {
        write("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n"
                + "VERSION_CODENAME=bookworm\n");
        write("var/lib/dpkg/status", STATUS);
        session.backend().reassess(AssessmentListener.NONE);
        part = new WeaknessesPart();
        part.create(tab(right, "Weaknesses"), session);
        broker.on(WorkbenchTopics.SNAPSHOT, o -> part.show((Snapshot) o));
        broker.on(WorkbenchTopics.EXPOSURE, o -> part.showExposure((Exposure) o));
        right.setSelection(2);
        session.refresh();
    }

    private String host() {
        return now().devices().get(0).hostname();
    }

    @Test
    void withoutAnAdvisoryFeedItSaysSoAndShowsNoScore() throws Exception {
        waitFor(() -> part.exposure() != null && part.exposure().report() != null
                && !part.exposure().report().devices().isEmpty(), "the exposure of the device's inventory");
        ExposureReport r = part.exposure().report();
        assertTrue(r.stale());
        assertTrue(r.score().isEmpty());
        assertEquals("—", part.score.getText());
        assertEquals("", part.band.getText());
        assertTrue(part.warning.isVisible());
        assertEquals("No advisory feed imported: bulwark feeds import FILE… (the Debian Security Tracker JSON or "
                + "OSV records). Until then there is no exposure score.", part.warning.getText());
        assertEquals("no exposure score (1 device with an inventory)", part.over.getText());
        assertEquals(1, part.devices.getItemCount());
        String reason = "the distro-info feed has no debian 12: import /usr/share/distro-info/debian.csv "
                + "(distro-info-data)";
        assertEquals(List.of(host(), "debian 12", "—", "", "", reason), cells(part.devices, 0));
        assertEquals(host() + ": not matched: " + reason, part.reasons.getText());
        assertEquals(0, part.recommendations.getItemCount());
        assertEquals(0, part.findings.getItemCount());
        screenshot("weaknesses-no-feed");
    }

    @Test
    void theExposureIsTheWorkedExample() throws Exception {
        waitFor(() -> part.exposure() != null && part.exposure().report() != null, "the first exposure");
        Exposure before = part.exposure();
        try (AssessmentStore db = store()) {
            session.vulnerabilities().importFeeds(db, List.of(feed("tracker.json", TRACKER),
                    feed("debian.csv", DEBIAN_CSV), feed("epss.csv", EPSS)), Instant.now());
        }
        session.refresh();
        waitFor(() -> part.exposure() != before && part.exposure().report() != null
                && part.exposure().report().score().isPresent(), "the exposure after the feeds");

        // openssl: s 0.5 (medium, no CVSS), e 0.5 (EPSS): r = 0.5·(0.3 + 0.7·0.5) = 0.325
        // util-linux: s 0.2 (low), e 0.1 (no EPSS): r = 0.2·0.37 = 0.074; tar was never affected
        // E = 100·(1 − 0.675·0.926) = 37.495: medium; without openssl 7.4 (impact 30.095), without util-linux 32.5
        // (impact 4.995; in doubles both a hair below, so shown as 30.09 and 4.99)
        ExposureReport r = part.exposure().report();
        assertEquals(37.495, r.score().get(), 1e-9);
        assertFalse(r.stale());
        assertEquals("37.5", part.score.getText());
        assertEquals("MEDIUM", part.band.getText());
        assertEquals("over 1 of 1 devices with an inventory", part.over.getText());
        assertFalse(part.warning.isVisible());
        assertEquals(List.of(host(), "debian 12 (bookworm)", "37.5", "MEDIUM", "2", ""), cells(part.devices, 0));
        assertFalse(part.reasons.isVisible());
        assertEquals(0, part.devices.getSelectionIndex(), "the first matched device is selected");
        assertEquals("Findings on " + host() + ": 2 open", part.findingsTitle.getText());
        assertEquals(List.of("CVE-2024-0001", "openssl", "3.0.15-1~deb12u1", "3.0.17-1~deb12u2", "VULNERABLE",
                "MEDIUM", "0.325"), cells(part.findings, 0));
        assertEquals(List.of("CVE-2024-1000", "util-linux", "2.38.1-5+deb12u3", "2.38.1-5+deb12u4", "VULNERABLE",
                "LOW", "0.074"), cells(part.findings, 1));
        assertEquals(2, part.recommendations.getItemCount());
        assertEquals(30.095, r.recommendations().get(0).exposureImpact(), 1e-9);
        assertEquals(4.995, r.recommendations().get(1).exposureImpact(), 1e-9);
        assertEquals(List.of("Update openssl to version 3.0.17-1~deb12u2", "update", "1", "1", "30.09",
                "libssl3:amd64, openssl:amd64"), cells(part.recommendations, 0));
        assertEquals(List.of("Update util-linux to version 2.38.1-5+deb12u4", "update", "1", "1", "4.99",
                "bsdutils:amd64"), cells(part.recommendations, 1));
        screenshot("weaknesses");
    }

    private Path feed(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content);
    }
}
