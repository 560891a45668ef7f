package org.bulwark.benchmark.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.collector.api.Collector;
import org.bulwark.collector.tck.CollectorContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The collector TCK ({@link CollectorContract}) against every built-in Linux collector, each found as the DS
 * service it is in the product: the component activates, declares its category and keys, returns well-formed
 * observations for the hardened fixture system and for an empty root, honours the deadline and cancellation, and
 * writes nothing under a read-only root.
 */
class LinuxCollectorsContractTest {

    /** The ids of the built-in Linux collectors; one nested test class each. */
    static final Set<String> IDS = Set.of("linux.os.sysctl", "linux.os.filesystem", "linux.os.boot", "linux.os.coredumps-time", "linux.os.modules", "linux.os.mounts", "linux.os.files", "linux.network.sockets", "linux.network.sshd", "linux.network.sysctl", "linux.network.firewall", "linux.accounts.databases", "linux.accounts.homes", "linux.accounts.login-policy", "linux.accounts.pam-sudo-shell", "linux.security.audit", "linux.security.mac", "linux.security.integrity-logging-updates", "linux.application.packages", "linux.application.services", "linux.application.state");

    @BeforeAll
    static void start() throws Exception {
        Runtime.start();
        Bundle tck = FrameworkUtil.getBundle(CollectorContract.class);
        if (tck.getState() != Bundle.ACTIVE) {
            tck.start();
        }
    }

    @Test
    void everyRegisteredLinuxCollectorIsCoveredByANestedContract() throws Exception {
        Set<String> registered = new TreeSet<>();
        for (Collector c : Runtime.start().collectors) {
            registered.add(c.id());
        }
        assertEquals(Runtime.COLLECTORS, IDS.size());
        assertEquals(new TreeSet<>(IDS), registered);
        List<Class<?>> nested = List.of(LinuxCollectorsContractTest.class.getDeclaredClasses());
        assertEquals(IDS.size(), nested.stream().filter(LinuxCollectorContract.class::isAssignableFrom)
                .filter(c -> c != LinuxCollectorContract.class).count());
    }

    /** The contract on the hardened fixture system of the baseline tests. */
    abstract static class LinuxCollectorContract extends CollectorContract {
        @Override
        protected void prepareRoot(Path root) throws IOException {
            Fixtures.hardened(root);
        }
    }

    @Nested
    class KernelParameters extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.os.sysctl";
        }
    }

    @Nested
    class FilesystemWalk extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.os.filesystem";
        }
    }

    @Nested
    class Boot extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.os.boot";
        }
    }

    @Nested
    class CoreDumpsAndTime extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.os.coredumps-time";
        }
    }

    @Nested
    class KernelModules extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.os.modules";
        }
    }

    @Nested
    class Mounts extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.os.mounts";
        }
    }

    @Nested
    class FilePermissions extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.os.files";
        }
    }

    @Nested
    class ListeningSockets extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.network.sockets";
        }
    }

    @Nested
    class Sshd extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.network.sshd";
        }
    }

    @Nested
    class NetworkParameters extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.network.sysctl";
        }
    }

    @Nested
    class Firewall extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.network.firewall";
        }
    }

    @Nested
    class AccountDatabase extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.accounts.databases";
        }
    }

    @Nested
    class HomeDirectories extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.accounts.homes";
        }
    }

    @Nested
    class LoginPolicy extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.accounts.login-policy";
        }
    }

    @Nested
    class PamSudoShell extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.accounts.pam-sudo-shell";
        }
    }

    @Nested
    class Audit extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.security.audit";
        }
    }

    @Nested
    class MandatoryAccessControl extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.security.mac";
        }
    }

    @Nested
    class IntegrityLoggingUpdates extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.security.integrity-logging-updates";
        }
    }

    @Nested
    class Packages extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.application.packages";
        }
    }

    @Nested
    class Services extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.application.services";
        }
    }

    @Nested
    class SystemState extends LinuxCollectorContract {
        @Override
        protected String collectorId() {
            return "linux.application.state";
        }
    }
}
