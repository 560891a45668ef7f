package org.bulwark.collector.linux.application.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code linux.server-config.world-readable.*}: web and database server configuration readable by others. */
class ServerConfigTest {

    @TempDir
    Path root;

    private void mode(String path, int mode) throws Exception {
        Files.setAttribute(root.resolve(path.substring(1)), "unix:mode", mode);
    }

    @Test
    void worldReadableFilesAreListedWithTheirModesLinksAreNotFollowed() throws Exception {
        Fixture f = new Fixture(root).write("/etc/nginx/nginx.conf", "user www-data;")
                .write("/etc/nginx/sites-available/default", "server {}")
                .link("/etc/nginx/sites-enabled/default", "/etc/nginx/sites-available/default")
                .link("/etc/nginx/sites-enabled/outside", "/etc/passwd").write("/etc/passwd", "root:x:0:0::/root:/bin/sh")
                .write("/etc/mysql/my.cnf", "[mysqld]").write("/etc/mysql/debian.cnf", "password = x")
                .write("/etc/postgresql/15/main/pg_hba.conf", "local all postgres peer");
        mode("/etc/nginx/nginx.conf", 0644);
        mode("/etc/nginx/sites-available/default", 0604);
        mode("/etc/mysql/my.cnf", 0640);
        mode("/etc/mysql/debian.cnf", 0600);
        mode("/etc/postgresql/15/main/pg_hba.conf", 0640);
        Map<String, Observation> o = f.collect(new SystemStateCollector(), false);
        assertEquals(Observation.ofAll("linux.server-config.world-readable.nginx",
                List.of("/etc/nginx/nginx.conf (0644)", "/etc/nginx/sites-available/default (0604)"),
                Source.file("/etc/nginx", 0)), o.get("linux.server-config.world-readable.nginx"));
        assertEquals(Observation.absent("linux.server-config.world-readable.mysql", Source.file("/etc/mysql", 0),
                "no file under /etc/mysql is readable by others"), o.get("linux.server-config.world-readable.mysql"));
        assertEquals(Observation.absent("linux.server-config.world-readable.postgresql",
                Source.file("/etc/postgresql", 0), "no file under /etc/postgresql is readable by others"),
                o.get("linux.server-config.world-readable.postgresql"));
        assertEquals(Observation.absent("linux.server-config.world-readable.apache2", Source.file("/etc/apache2", 0),
                "/etc/apache2 does not exist"), o.get("linux.server-config.world-readable.apache2"));
    }

    @Test
    void aDirectoryThatCannotBeListedIsUnreadable() throws Exception {
        Fixture f = new Fixture(root).write("/etc/apache2/conf-enabled/security.conf", "ServerTokens Prod");
        Path dir = root.resolve("etc/apache2/conf-enabled");
        mode("/etc/apache2/conf-enabled", 0);
        try {
            // root reads through any mode: only check when the test does not run as root
            Assumptions.assumeFalse(Files.isReadable(dir), "running as root");
            assertEquals(Observation.unreadable("linux.server-config.world-readable.apache2",
                    Source.file("/etc/apache2", 0), "/etc/apache2: permission denied"),
                    f.collect(new SystemStateCollector(), false).get("linux.server-config.world-readable.apache2"));
        } finally {
            mode("/etc/apache2/conf-enabled", 0755);
        }
    }

    @Test
    void serverPackagesAreReportedForTheApplicability() throws Exception {
        Map<String, Observation> o = new Fixture(root).write("/var/lib/dpkg/status",
                "Package: mariadb-server", "Status: install ok installed", "Version: 1:10.11.11-0+deb12u1", "",
                "Package: postgresql-common", "Status: install ok installed", "Version: 248")
                .collect(new PackagesCollector(), false);
        assertEquals(List.of("1:10.11.11-0+deb12u1"), o.get("linux.packages.mariadb-server").values());
        assertEquals(List.of("248"), o.get("linux.packages.postgresql-common").values());
        assertEquals(ObservationState.ABSENT, o.get("linux.packages.mysql-server").state());
    }
}
