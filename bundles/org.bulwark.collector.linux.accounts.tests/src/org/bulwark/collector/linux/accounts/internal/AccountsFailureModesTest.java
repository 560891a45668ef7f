package org.bulwark.collector.linux.accounts.internal;

import org.bulwark.collector.tck.Fixture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable files and malformed lines become UNREADABLE / UNPARSEABLE observations naming the place. */
class AccountsFailureModesTest {

    @TempDir
    Path root;

    @Test
    void unreadableLoginDefs() throws Exception {
        Fixture f = new Fixture(root).dir("/etc/login.defs");
        assertEquals(Observation.unreadable("linux.logindefs.pass_max_days", Source.file("/etc/login.defs", 0),
                "/etc/login.defs: is a directory, expected a file"),
                f.collect(new LoginPolicyCollector(), false).get("linux.logindefs.pass_max_days"));
    }

    @Test
    void malformedShadowLineNamesFileAndLine() throws Exception {
        Fixture f = new Fixture(root).write("/etc/passwd", "root:x:0:0::/root:/bin/bash").write("/etc/group", "root:x:0:")
                .write("/etc/shadow", "root:!:19000:0:99999:7:::", "broken:$y$x");
        assertEquals(Observation.unparseable("linux.accounts.empty-password", Source.file("/etc/shadow", 2),
                "/etc/shadow:2: expected 9 colon-separated fields, found 2"),
                f.collect(new AccountDatabaseCollector(), false).get("linux.accounts.empty-password"));
    }

    @Test
    void unreadablePamFile() throws Exception {
        Fixture f = new Fixture(root).dir("/etc/pam.d/su");
        assertEquals(Observation.unreadable("linux.pam.su.wheel", Source.file("/etc/pam.d/su", 0),
                "/etc/pam.d/su: is a directory, expected a file"),
                f.collect(new PamSudoShellCollector(), false).get("linux.pam.su.wheel"));
    }
}
