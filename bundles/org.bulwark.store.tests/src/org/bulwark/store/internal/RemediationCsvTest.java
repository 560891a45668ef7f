package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.bulwark.collector.api.Category;
import org.bulwark.store.api.Remediation;
import org.junit.jupiter.api.Test;

/** The one mapping of an activity to CSV cells, which the CLI, the workbench and the fleet server all write. */
class RemediationCsvTest {

    @Test
    void cellsFollowTheColumns() {
        Remediation active = new Remediation(7, "Turn off root login", "linux.sshd.permitrootlogin",
                Category.ACCOUNTS, Remediation.Scope.DEVICES, List.of("d1", "d2"), null, Remediation.Priority.HIGH,
                null, "=HYPERLINK(\"x\")", "alice", Instant.parse("2026-11-20T10:00:00Z"), Remediation.Status.ACTIVE,
                null, null, 2, 1, null, null, Instant.parse("2026-11-21T09:30:00Z"), "bob");
        assertEquals(Remediation.CSV_COLUMNS.size(), active.csvRow().size());
        assertEquals(Arrays.asList("7", "Turn off root login", "linux.sshd.permitrootlogin", "accounts", "devices",
                "d1 d2", "high", "attention required", "active", null, null, "2", "1", "alice",
                "2026-11-20T10:00:00Z", "=HYPERLINK(\"x\")", "2026-11-21T09:30:00Z", "bob", null, null),
                active.csvRow());

        Remediation done = new Remediation(8, "Patch", "bulwark.linux.app.security-updates",
                Category.OPERATING_SYSTEM, Remediation.Scope.GROUP, List.of(), "web", Remediation.Priority.LOW,
                LocalDate.parse("2026-12-01"), null, "carol", Instant.parse("2026-11-20T10:00:00Z"),
                Remediation.Status.COMPLETED, Remediation.Completion.SYSTEM_CONFIRMATION,
                Instant.parse("2026-11-25T08:00:00Z"), 3, 3);
        assertEquals(Arrays.asList("8", "Patch", "bulwark.linux.app.security-updates", "operating-system", "group",
                "web", "low", "2026-12-01", "completed", "system-confirmation", "2026-11-25T08:00:00Z", "3", "3",
                "carol", "2026-11-20T10:00:00Z", null, null, null, null, null), done.csvRow());
    }
}
