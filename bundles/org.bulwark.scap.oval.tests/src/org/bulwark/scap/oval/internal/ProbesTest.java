package org.bulwark.scap.oval.internal;

import static org.bulwark.scap.oval.OvalOutcome.FALSE;
import static org.bulwark.scap.oval.OvalOutcome.TRUE;
import static org.bulwark.scap.oval.OvalOutcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.oval.OvalOutcome;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each implemented test type, true and false, on its own fixture root. */
class ProbesTest {

    @TempDir
    Path dir;
    @TempDir
    Path root;

    /** One definition on one test ({@code TEST} stands for the test element's name without {@code _test}). */
    private OvalResult run(String prefix, String type, String testAttributes, String object, String state,
            OvalTarget target) {
        String stateRef = state.isEmpty() ? "" : "<" + prefix + ":state state_ref=\"oval:t:ste:1\"/>";
        Oval doc = new Oval().definition(1, 1)
                .test("<" + prefix + ":" + type + "_test id=\"oval:t:tst:1\" version=\"1\" " + testAttributes + ">"
                        + "<" + prefix + ":object object_ref=\"oval:t:obj:1\"/>" + stateRef + "</" + prefix + ":" + type
                        + "_test>")
                .object("<" + prefix + ":" + type + "_object id=\"oval:t:obj:1\" version=\"1\">" + object + "</" + prefix
                        + ":" + type + "_object>");
        if (!state.isEmpty()) {
            doc.state("<" + prefix + ":" + type + "_state id=\"oval:t:ste:1\" version=\"1\">" + state + "</" + prefix
                    + ":" + type + "_state>");
        }
        OvalDefinitions d = doc.read(dir);
        return Oval.evaluator().evaluate(d, "oval:t:def:1", target, Map.of());
    }

    private OvalOutcome offline(String prefix, String type, String testAttributes, String object, String state) {
        return run(prefix, type, testAttributes, object, state, OvalTarget.offline(root)).outcome();
    }

    private static final String SSHD = "<ind:filepath>/etc/ssh/sshd_config</ind:filepath>"
            + "<ind:pattern operation=\"pattern match\">^[ \\t]*(?i)PermitRootLogin(?-i)[ \\t]+(.+?)[ \\t]*(?:$|#)</ind:pattern>"
            + "<ind:instance operation=\"greater than or equal\" datatype=\"int\">1</ind:instance>";
    private static final String NO = "<ind:subexpression operation=\"pattern match\">^no$</ind:subexpression>";

    @Test
    void textfilecontent54() {
        Oval.write(root, "/etc/ssh/sshd_config", "Port 22\n  permitrootlogin no # comment\n");
        OvalResult r = run("ind", "textfilecontent54", "check=\"all\" check_existence=\"all_exist\"", SSHD, NO,
                OvalTarget.offline(root));
        assertEquals(TRUE, r.outcome());
        assertEquals(1, r.tests().get(0).itemCount());
        assertEquals(Map.of("filepath", List.of("/etc/ssh/sshd_config"), "path", List.of("/etc/ssh"), "filename",
                List.of("sshd_config"), "pattern", List.of("^[ \\t]*(?i)PermitRootLogin(?-i)[ \\t]+(.+?)[ \\t]*(?:$|#)"),
                "instance", List.of("1"), "text", List.of("  permitrootlogin no #"), "subexpression", List.of("no")),
                r.tests().get(0).items().get(0).fields());
        Oval.write(root, "/etc/ssh/sshd_config", "PermitRootLogin no\nPermitRootLogin yes\n");
        assertEquals(FALSE, offline("ind", "textfilecontent54", "check=\"all\" check_existence=\"all_exist\"", SSHD, NO));
        assertEquals(TRUE, offline("ind", "textfilecontent54", "check=\"at least one\"", SSHD, NO));
        assertEquals(TRUE, offline("ind", "textfilecontent54", "check=\"only one\"", SSHD, NO));
        assertEquals(FALSE, offline("ind", "textfilecontent54", "check=\"none satisfy\"", SSHD, NO));
        assertEquals(FALSE, offline("ind", "textfilecontent54", "check=\"all\" check_existence=\"only_one_exists\"", SSHD, ""));
        assertEquals(FALSE, offline("ind", "textfilecontent54", "check=\"all\" check_existence=\"none_exist\"", SSHD, ""));
    }

    @Test
    void aMissingFileHasNoItems() {
        assertEquals(FALSE, offline("ind", "textfilecontent54", "check=\"all\" check_existence=\"all_exist\"", SSHD, NO));
        assertEquals(FALSE, offline("ind", "textfilecontent54", "check=\"all\"", SSHD, NO));
        assertEquals(TRUE, offline("ind", "textfilecontent54", "check=\"all\" check_existence=\"none_exist\"", SSHD, ""));
        assertEquals(TRUE, offline("ind", "textfilecontent54", "check=\"all\" check_existence=\"any_exist\"", SSHD, NO));
    }

    /** The link is re-rooted: the host's file of that path, which would match, is never read. */
    @Test
    void aLinkPointingOutOfTheRootIsNotFollowedThere() throws Exception {
        Path host = Oval.write(dir, "/host/sshd_config", "PermitRootLogin no\n");
        Oval.link(root, "/etc/ssh/sshd_config", host.toAbsolutePath().toString());
        OvalResult r = run("ind", "textfilecontent54", "check=\"all\" check_existence=\"all_exist\"", SSHD, NO,
                OvalTarget.offline(root));
        assertEquals(FALSE, r.outcome());
        assertEquals(0, r.tests().get(0).itemCount());
        Oval.link(root, "/etc/issue", "../../../../../../../../" + host.toAbsolutePath());
        assertEquals(FALSE, offline("ind", "textfilecontent54", "check=\"all\"", SSHD.replace("/etc/ssh/sshd_config", "/etc/issue"), NO));
        assertEquals(TRUE, offline("unix", "file", "check=\"all\"", "<unix:filepath>/etc/issue</unix:filepath>",
                "<unix:type>symbolic link</unix:type>"));
    }

    @Test
    void fileModeOwnerAndType() throws Exception {
        Path shadow = Oval.write(root, "/etc/shadow", "root:!:19000::::::\n", "rw-r-----");
        String uid = Integer.toString(Oval.uid(shadow));
        String mode0640 = "<unix:type>regular</unix:type><unix:user_id datatype=\"int\">" + uid + "</unix:user_id>"
                + "<unix:uread datatype=\"boolean\">true</unix:uread><unix:gwrite datatype=\"boolean\">false</unix:gwrite>"
                + "<unix:oread datatype=\"boolean\">false</unix:oread><unix:suid datatype=\"boolean\">false</unix:suid>";
        String object = "<unix:filepath>/etc/shadow</unix:filepath>";
        assertEquals(TRUE, offline("unix", "file", "check=\"all\"", object, mode0640));
        Oval.write(root, "/etc/shadow", "", "rw-r--r--");
        assertEquals(FALSE, offline("unix", "file", "check=\"all\"", object, mode0640));
        assertEquals(FALSE, offline("unix", "file", "check=\"all\"", "<unix:filepath>/etc/gshadow</unix:filepath>", mode0640));
        assertEquals(TRUE, offline("unix", "file", "check=\"all\"", "<unix:path>/etc</unix:path><unix:filename xsi:nil=\"true\"/>",
                "<unix:type>directory</unix:type>"));
    }

    @Test
    void dpkginfo() {
        Oval.write(root, "/var/lib/dpkg/status", """
                Package: openssh-server
                Status: install ok installed
                Architecture: amd64
                Version: 1:8.4p1-5+deb11u1

                Package: telnetd
                Status: deinstall ok config-files
                Architecture: amd64
                Version: 0.17-42

                """);
        String ssh = "<linux:name>openssh-server</linux:name>";
        OvalResult r = run("linux", "dpkginfo", "check=\"all\" check_existence=\"all_exist\"", ssh, "",
                OvalTarget.offline(root));
        assertEquals(TRUE, r.outcome());
        assertEquals(Map.of("name", List.of("openssh-server"), "arch", List.of("amd64"), "epoch", List.of("1"),
                "release", List.of("5+deb11u1"), "version", List.of("8.4p1"), "evr", List.of("1:8.4p1-5+deb11u1")),
                r.tests().get(0).items().get(0).fields());
        assertEquals(TRUE, offline("linux", "dpkginfo", "check=\"all\"", ssh,
                "<linux:evr datatype=\"debian_evr_string\" operation=\"greater than or equal\">0:7.4</linux:evr>"));
        assertEquals(FALSE, offline("linux", "dpkginfo", "check=\"all\"", ssh,
                "<linux:evr datatype=\"debian_evr_string\" operation=\"less than\">1:8.4p1-5</linux:evr>"));
        assertEquals(TRUE, offline("linux", "dpkginfo", "check=\"all\" check_existence=\"none_exist\"",
                "<linux:name>telnetd</linux:name>", ""));
        assertEquals(FALSE, offline("linux", "dpkginfo", "check=\"all\" check_existence=\"none_exist\"", ssh, ""));
    }

    @Test
    void sysctlOfflineReadsThePersistentConfiguration() {
        Oval.write(root, "/etc/sysctl.d/50-aslr.conf", "kernel.randomize_va_space = 2\n");
        String object = "<unix:name>kernel.randomize_va_space</unix:name>";
        assertEquals(TRUE, offline("unix", "sysctl", "check=\"all\"", object, "<unix:value datatype=\"int\">2</unix:value>"));
        assertEquals(FALSE, offline("unix", "sysctl", "check=\"all\"", object, "<unix:value datatype=\"int\">1</unix:value>"));
        OvalResult unset = run("unix", "sysctl", "check=\"all\"", "<unix:name>kernel.kptr_restrict</unix:name>",
                "<unix:value datatype=\"int\">1</unix:value>", OvalTarget.offline(root));
        assertEquals(UNKNOWN, unset.outcome());
        assertEquals("sysctl_test oval:t:tst:1: kernel.kptr_restrict is not set in the target's sysctl configuration;"
                + " its running value (the kernel default) is unknown offline", unset.message());
    }

    @Test
    void runningSystemFactsAreUnknownOffline() {
        OvalResult uname = run("unix", "uname", "check=\"all\"", "", "<unix:processor_type>x86_64</unix:processor_type>",
                OvalTarget.offline(root));
        assertEquals(UNKNOWN, uname.outcome());
        assertEquals("uname_test oval:t:tst:1: the running kernel cannot be read from an offline target", uname.message());
        String path = "<ind:pid xsi:nil=\"true\" datatype=\"int\"/><ind:name>PATH</ind:name>";
        assertEquals(UNKNOWN, offline("ind", "environmentvariable58", "check=\"all\"", path, ""));
        assertEquals(TRUE, run("ind", "environmentvariable58", "check=\"all\" check_existence=\"all_exist\"", path, "",
                new OvalTarget(root, true)).outcome());
        assertEquals(FALSE, run("ind", "environmentvariable58", "check=\"all\"", path,
                "<ind:value operation=\"pattern match\">\\A\\z</ind:value>", new OvalTarget(root, true)).outcome());
    }

    @Test
    void partitionOfflineReadsFstab() {
        Oval.write(root, "/etc/fstab", "UUID=1 / ext4 defaults 0 1\n/dev/sda2 /tmp ext4 nodev,nosuid 0 2\n");
        String nodev = "<linux:mount_options entity_check=\"at least one\">nodev</linux:mount_options>";
        assertEquals(TRUE, offline("linux", "partition", "check=\"all\"", "<linux:mount_point>/tmp</linux:mount_point>", nodev));
        assertEquals(FALSE, offline("linux", "partition", "check=\"all\"", "<linux:mount_point>/</linux:mount_point>", nodev));
        assertEquals(FALSE, offline("linux", "partition", "check=\"all\"", "<linux:mount_point>/home</linux:mount_point>", ""));
    }

    @Test
    void shadowAndPassword() {
        Oval.write(root, "/etc/shadow", "root:!:19000:0:99999:7:::\nalice:$6$salt$hash:19000:1:60:7:::\n");
        Oval.write(root, "/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n");
        String locked = "<unix:password operation=\"pattern match\">^[!*]</unix:password>";
        assertEquals(TRUE, offline("unix", "shadow", "check=\"all\"", "<unix:username>root</unix:username>", locked));
        assertEquals(FALSE, offline("unix", "shadow", "check=\"all\"", "<unix:username>alice</unix:username>", locked));
        assertEquals(TRUE, offline("unix", "shadow", "check=\"all\"", "<unix:username>alice</unix:username>",
                "<unix:encrypt_method>SHA-512</unix:encrypt_method><unix:chg_req datatype=\"int\" operation=\"less than or equal\">60</unix:chg_req>"));
        String uid0 = "<unix:user_id datatype=\"int\">0</unix:user_id>";
        String everyone = "<unix:username operation=\"pattern match\">.*</unix:username>";
        assertEquals(FALSE, offline("unix", "password", "check=\"all\"", everyone, uid0));
        assertEquals(TRUE, offline("unix", "password", "check=\"only one\"", everyone, uid0));
    }

    @Test
    void systemdUnits() {
        Oval.write(root, "/lib/systemd/system/auditd.service", "[Service]\nExecStart=/sbin/auditd\n[Install]\nWantedBy=multi-user.target\n");
        Oval.write(root, "/lib/systemd/system/multi-user.target", "[Unit]\nRequires=basic.target\n");
        Oval.write(root, "/lib/systemd/system/basic.target", "[Unit]\nWants=sockets.target\n");
        String auditd = "<linux:unit>auditd.service</linux:unit>";
        assertEquals(TRUE, offline("linux", "systemdunitproperty", "check=\"all\"",
                auditd + "<linux:property>LoadState</linux:property>", "<linux:value>loaded</linux:value>"));
        assertEquals(FALSE, offline("linux", "systemdunitproperty", "check=\"all\"",
                auditd + "<linux:property>UnitFileState</linux:property>", "<linux:value>enabled</linux:value>"));
        assertEquals(UNKNOWN, offline("linux", "systemdunitproperty", "check=\"all\"",
                auditd + "<linux:property>ActiveState</linux:property>", "<linux:value>active</linux:value>"));
        String deps = "<linux:unit>multi-user.target</linux:unit>";
        String hasAuditd = "<linux:dependency entity_check=\"at least one\">auditd.service</linux:dependency>";
        assertEquals(FALSE, offline("linux", "systemdunitdependency", "check=\"all\"", deps, hasAuditd));
        Oval.link(root, "/etc/systemd/system/multi-user.target.wants/auditd.service", "/lib/systemd/system/auditd.service");
        assertEquals(TRUE, offline("linux", "systemdunitdependency", "check=\"all\"", deps, hasAuditd));
        assertEquals(TRUE, offline("linux", "systemdunitdependency", "check=\"all\"", deps,
                "<linux:dependency entity_check=\"at least one\">sockets.target</linux:dependency>"));
    }

    @Test
    void symlinkAndFilehash58() {
        Oval.write(root, "/etc/hello", "hello\n");
        Oval.link(root, "/etc/alternatives/hi", "/etc/hello");
        assertEquals(TRUE, offline("ind", "symlink", "check=\"all\"", "<ind:filepath>/etc/alternatives/hi</ind:filepath>",
                "<ind:canonical_path>/etc/hello</ind:canonical_path>"));
        assertEquals(FALSE, offline("ind", "symlink", "check=\"all\"", "<ind:filepath>/etc/hello</ind:filepath>", ""));
        String object = "<ind:filepath>/etc/hello</ind:filepath><ind:hash_type>SHA-256</ind:hash_type>";
        assertEquals(TRUE, offline("ind", "filehash58", "check=\"all\"", object,
                "<ind:hash>5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03</ind:hash>"));
        assertEquals(FALSE, offline("ind", "filehash58", "check=\"all\"", object.replace("SHA-256", "MD5"),
                "<ind:hash>5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03</ind:hash>"));
        assertEquals(TRUE, offline("ind", "filehash58", "check=\"all\"", object.replace("SHA-256", "MD5"),
                "<ind:hash>b1946ac92492d2347c6235b4d2611184</ind:hash>"));
    }

    @Test
    void familyAndVariable() {
        assertEquals(TRUE, offline("ind", "family", "check=\"all\"", "", "<ind:family>unix</ind:family>"));
        assertEquals(FALSE, offline("ind", "family", "check=\"all\"", "", "<ind:family>windows</ind:family>"));
    }
}
