package org.bulwark.collector.linux.accounts.internal;

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

class HomeDirectoriesCollectorTest {

    @TempDir
    Path root;

    @Test
    void homeDirectoryFindings() throws Exception {
        Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(root, "unix:uid")),
                "home directories must belong to their users, which needs root");
        Fixture f = new Fixture(root).write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash",
                "daemon:x:1:1::/usr/sbin:/usr/sbin/nologin", "alice:x:1000:1000::/home/alice:/bin/bash",
                "bob:x:1001:1001::/home/bob:/bin/bash", "carol:x:1002:1002::/home/carol:/bin/zsh",
                "svc:x:1003:1003::/srv/svc:/usr/sbin/nologin")
                .dir("/root").dir("/home/alice").dir("/home/carol")
                .write("/home/alice/.bashrc", "alias ll='ls -l'").write("/home/alice/.netrc", "machine x")
                .write("/root/.profile", "umask 027");
        f.chmod("/root", 0700);
        f.chmod("/home/alice", 0755);
        f.chown("/home/alice", 1000);
        f.chmod("/home/alice/.bashrc", 0666);
        f.chmod("/root/.profile", 0644);
        f.chmod("/home/carol", 0700);
        Map<String, Observation> o = f.collect(new HomeDirectoriesCollector(), false);
        Source source = Source.derived("home directories of the accounts with a login shell in /etc/passwd");
        assertEquals(Observation.ofAll("linux.accounts.home-missing", List.of("bob:/home/bob"), source),
                o.get("linux.accounts.home-missing"));
        assertEquals(List.of("carol:/home/carol"), o.get("linux.accounts.home-not-owned").values());
        assertEquals(List.of("alice:/home/alice"), o.get("linux.accounts.home-permissive").values());
        assertEquals(List.of("alice:/home/alice/.bashrc"), o.get("linux.accounts.dotfiles-writable").values());
        assertEquals(List.of("alice:/home/alice/.netrc"), o.get("linux.accounts.forbidden-dotfiles").values());
    }

    @Test
    void withoutPasswdNothingCanBeSaid() throws Exception {
        Map<String, Observation> o = new Fixture(root).collect(new HomeDirectoriesCollector(), false);
        assertEquals(ObservationState.UNAVAILABLE, o.get("linux.accounts.home-missing").state());
        assertEquals("/etc/passwd does not exist", o.get("linux.accounts.home-missing").reason());
    }
}
