package org.bulwark.collector.linux.accounts.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code linux.shell.root-path.problems}: root's PATH as set in /etc/environment, /etc/profile and root's dotfiles. */
class RootPathTest {

    private static final String KEY = "linux.shell.root-path.problems";

    @TempDir
    Path root;

    private void mode(String path, int mode) throws Exception {
        Files.setAttribute(root.resolve(path.substring(1)), "unix:mode", mode);
    }

    private Observation rootPath(Fixture f) throws Exception {
        return f.collect(new PamSudoShellCollector(), false).get(KEY);
    }

    @Test
    void noAssignmentAnywhereIsAbsent() throws Exception {
        Observation o = rootPath(new Fixture(root).write("/etc/profile", "umask 022"));
        assertEquals(ObservationState.ABSENT, o.state());
        assertEquals("PATH is not set in /etc/environment, /etc/profile, /root/.profile, /root/.bashrc"
                + " (the login program's default applies)", o.reason());
    }

    @Test
    void debianDefaultsWithRootOwnedDirectoriesAreAbsent() throws Exception {
        Fixture f = new Fixture(root)
                .write("/etc/environment", "PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"")
                .write("/etc/profile", "if [ \"$(id -u)\" -eq 0 ]; then",
                        "  PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"", "else",
                        "  PATH=\"/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games\"", "fi", "export PATH")
                .write("/root/.bashrc", "export PATH=$PATH:/usr/local/bin # comment")
                .dir("/usr/local/sbin").dir("/usr/local/bin").dir("/usr/sbin").dir("/usr/bin").link("/bin", "usr/bin");
        for (String d : List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin")) {
            mode(d, 0755);
        }
        Observation o = rootPath(f);
        assertEquals(ObservationState.ABSENT, o.state(), String.valueOf(o.values()));
    }

    @Test
    void emptyDotRelativeWritableAndForeignEntriesWithFileAndLine() throws Exception {
        Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(root, "unix:uid")),
                "the fixture's directories must belong to root");
        Fixture f = new Fixture(root)
                .write("/etc/environment", "PATH=/usr/bin:")
                .write("/etc/profile", "# PATH=.:/ignored", "PATH=\"/usr/local/sbin:/usr/bin\"; export PATH")
                .write("/root/.profile", "mesg n", "export PATH=.:bin:$PATH:/opt/tools", "PATH=/srv/bob")
                .write("/root/.bashrc", "readonly PATH='/srv/group::/srv/tool'")
                .dir("/usr/bin").dir("/usr/local/sbin").dir("/opt/tools").dir("/srv/bob").dir("/srv/group")
                .write("/srv/tool", "#!/bin/sh");
        mode("/usr/bin", 0755);
        mode("/usr/local/sbin", 02775);
        mode("/opt/tools", 01777);
        mode("/srv/bob", 0755);
        Files.setAttribute(root.resolve("srv/bob"), "unix:uid", 1000);
        mode("/srv/group", 0770);
        mode("/srv/tool", 0755);
        Observation o = rootPath(f);
        assertEquals(Observation.ofAll(KEY, List.of(
                "/etc/environment:1: empty PATH entry (the current directory)",
                "/etc/profile:2: /usr/local/sbin in PATH is group-writable (2775)",
                "/root/.profile:2: '.' in PATH (the current directory)",
                "/root/.profile:2: relative PATH entry 'bin'",
                "/root/.profile:2: /opt/tools in PATH is world-writable (1777)",
                "/root/.profile:3: /srv/bob in PATH is owned by uid 1000, not root",
                "/root/.bashrc:1: /srv/group in PATH is group-writable (0770)",
                "/root/.bashrc:1: empty PATH entry (the current directory)",
                "/root/.bashrc:1: /srv/tool in PATH is not a directory (file)"),
                Source.file("/etc/environment", 1)), o);
    }

    @Test
    void unreadableFileIsAnError() throws Exception {
        Observation o = rootPath(new Fixture(root).dir("/root/.profile"));
        assertEquals(Observation.unreadable(KEY, Source.file("/root/.profile", 0),
                "/root/.profile: is a directory, expected a file"), o);
    }
}
