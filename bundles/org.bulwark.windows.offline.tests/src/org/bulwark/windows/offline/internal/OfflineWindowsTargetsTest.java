package org.bulwark.windows.offline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.windows.api.WindowsTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineWindowsTargetsTest {

    @TempDir
    Path root;

    private static final class Manual extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    private static AssessmentContext context(Path root, Instant deadline, boolean live) {
        return new AssessmentContext() {
            public Path root() {
                return root;
            }

            public boolean live() {
                return live;
            }

            public PlatformFacts platform() {
                return new PlatformFacts("windows", "windows", "11", "W", "amd64", "h", "m");
            }

            public Instant deadline() {
                return deadline;
            }

            public boolean isCancelled() {
                return false;
            }
        };
    }

    @Test
    void collectorsOfOneAssessmentShareOneOpenedTargetUntilItIsIdle() throws Exception {
        Images.client(root, "Windows", "System32", "config");
        Manual clock = new Manual();
        OfflineWindowsTargets targets = new OfflineWindowsTargets(clock, false);
        Instant deadline = clock.now.plusSeconds(60);
        WindowsTarget first = targets.open(context(root, deadline, false)).orElseThrow();
        assertSame(first, targets.open(context(root.resolve("x/.."), deadline, false)).orElseThrow());
        clock.now = deadline.plusSeconds(OfflineWindowsTargets.IDLE_SECONDS - 1);
        targets.sweep();
        assertEquals(1, targets.held());
        clock.now = deadline.plusSeconds(OfflineWindowsTargets.IDLE_SECONDS + 1);
        targets.sweep();
        assertEquals(0, targets.held());
        assertNotSame(first, targets.open(context(root, clock.now.plusSeconds(60), false)).orElseThrow());
        targets.deactivate();
        assertEquals(0, targets.held());
    }

    @Test
    void aRootThatIsNotWindowsOrALiveContextIsNotOpened() throws Exception {
        OfflineWindowsTargets targets = new OfflineWindowsTargets(new Manual(), false);
        Files.createDirectories(root.resolve("etc"));
        assertEquals(Optional.empty(), targets.open(context(root, Instant.MAX, false)));
        Images.client(root, "Windows", "System32", "config");
        assertEquals(Optional.empty(), targets.open(context(root, Instant.MAX, true)));
        assertEquals(0, targets.held());
    }
}
