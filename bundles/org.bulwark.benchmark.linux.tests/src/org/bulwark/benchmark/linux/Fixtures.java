package org.bulwark.benchmark.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Three fixture systems: a hardened Debian 12 on which every control passes, a weak one on which every
 * control that applies fails, and a bare minimal install on which controls whose software is missing do not
 * apply.
 */
final class Fixtures {

    static final List<String> SYSCTL_HARDENED = List.of("kernel.randomize_va_space = 2", "kernel.kptr_restrict = 2",
            "kernel.dmesg_restrict = 1", "kernel.yama.ptrace_scope = 2", "fs.suid_dumpable = 0",
            "fs.protected_hardlinks = 1", "fs.protected_symlinks = 1", "fs.protected_fifos = 2",
            "fs.protected_regular = 2", "kernel.perf_event_paranoid = 3", "kernel.unprivileged_bpf_disabled = 1",
            "net.core.bpf_jit_harden = 2", "kernel.kexec_load_disabled = 1", "dev.tty.ldisc_autoload = 0",
            "net.ipv4.ip_forward = 0", "net.ipv6.conf.all.forwarding = 0", "net.ipv4.conf.all.send_redirects = 0",
            "net.ipv4.conf.default.send_redirects = 0", "net.ipv4.conf.all.accept_redirects = 0",
            "net.ipv4.conf.default.accept_redirects = 0", "net.ipv6.conf.all.accept_redirects = 0",
            "net.ipv6.conf.default.accept_redirects = 0", "net.ipv4.conf.all.secure_redirects = 0",
            "net.ipv4.conf.default.secure_redirects = 0", "net.ipv4.conf.all.accept_source_route = 0",
            "net.ipv4.conf.default.accept_source_route = 0", "net.ipv6.conf.all.accept_source_route = 0",
            "net.ipv6.conf.default.accept_source_route = 0", "net.ipv4.conf.all.rp_filter = 1",
            "net.ipv4.conf.default.rp_filter = 1", "net.ipv4.conf.all.log_martians = 1",
            "net.ipv4.conf.default.log_martians = 1", "net.ipv4.tcp_syncookies = 1",
            "net.ipv4.icmp_echo_ignore_broadcasts = 1", "net.ipv4.icmp_ignore_bogus_error_responses = 1",
            "net.ipv6.conf.all.accept_ra = 0", "net.ipv6.conf.default.accept_ra = 0");

    static final List<String> MODULES = List.of("cramfs", "freevxfs", "hfs", "hfsplus", "jffs2", "squashfs", "udf",
            "usb-storage", "dccp", "tipc", "rds", "sctp");

    static final List<String> WATCHES = List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow",
            "/etc/security/opasswd", "/etc/sudoers", "/etc/sudoers.d", "/etc/localtime", "/etc/hosts", "/etc/issue",
            "/etc/issue.net", "/etc/hostname", "/etc/network", "/etc/apparmor", "/etc/apparmor.d", "/var/log/lastlog",
            "/var/run/faillock", "/var/log/sudo.log");

    static final String SYSCALLS = "adjtimex,settimeofday,clock_settime,sethostname,setdomainname,init_module,"
            + "finit_module,delete_module,mount,unlink,unlinkat,rename,renameat,chmod,fchmod,fchmodat,chown,fchown,"
            + "lchown,setxattr";

    static final List<String> SERVICE_UNITS = List.of("avahi-daemon.service", "avahi-daemon.socket", "cups.service",
            "cups.socket", "rpcbind.service", "rpcbind.socket", "snmpd.service", "nfs-server.service", "smbd.service",
            "slapd.service", "isc-dhcp-server.service", "named.service", "vsftpd.service", "apache2.service",
            "nginx.service", "squid.service", "dovecot.service", "xinetd.service", "rsync.service", "tftpd-hpa.service");

    static final String SECURE_BOOT = "/sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c";
    static final String SECURITY_INDEX =
            "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages";

    private Fixtures() {
    }

    /** Files whose mode and owner controls check, with the hardened mode. */
    private static void files(Runtime.Tree t, boolean hardened) {
        String[][] files = { { "/etc/passwd-", "0644" }, { "/etc/group-", "0644" }, { "/etc/shadow-", "0640" },
                { "/etc/gshadow-", "0640" }, { "/etc/shells", "0644" }, { "/etc/security/opasswd", "0600" },
                { "/etc/crontab", "0600" }, { "/etc/issue", "0644" }, { "/etc/issue.net", "0644" },
                { "/etc/motd", "0644" } };
        for (String[] f : files) {
            t.write(f[0], "# " + f[0]);
        }
        t.write("/boot/grub/grub.cfg", hardened ? new String[] { "set superusers=\"admin\"",
                "password_pbkdf2 admin grub.pbkdf2.sha512.10000.AB.CD", "linux /vmlinuz root=/dev/mapper/vg-root" }
                : new String[] { "linux /vmlinuz root=/dev/sda1" });
        for (String d : List.of("/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly", "/etc/cron.monthly",
                "/etc/cron.d", "/tmp", "/var/tmp")) {
            t.dir(d);
        }
        String[][] modes = { { "/etc/passwd", "0644" }, { "/etc/group", "0644" }, { "/etc/shadow", "0640" },
                { "/etc/gshadow", "0640" }, { "/boot/grub/grub.cfg", "0600" }, { "/etc/ssh/sshd_config", "0600" } };
        for (String[] f : files) {
            t.chmod(f[0], hardened ? Integer.parseInt(f[1], 8) : 0666);
        }
        for (String[] f : modes) {
            t.chmod(f[0], hardened ? Integer.parseInt(f[1], 8) : 0666);
        }
        for (String d : List.of("/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly", "/etc/cron.monthly",
                "/etc/cron.d")) {
            t.chmod(d, hardened ? 0700 : 0777);
        }
        t.chmod("/tmp", hardened ? 01777 : 0777).chmod("/var/tmp", hardened ? 01777 : 0777);
    }

    /** Root's PATH in /etc/environment and its directories: root-owned, 0755 when hardened. */
    private static final String ROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Configuration files of the web and database servers, 0640 when hardened, 0644 (Debian's default) when weak. */
    private static void serverConfig(Runtime.Tree t, boolean hardened) {
        String[] files = { "/etc/nginx/nginx.conf", "/etc/nginx/sites-available/default", "/etc/apache2/apache2.conf",
                "/etc/apache2/sites-available/000-default.conf", "/etc/mysql/my.cnf", "/etc/mysql/debian.cnf",
                "/etc/postgresql/15/main/postgresql.conf", "/etc/postgresql/15/main/pg_hba.conf" };
        for (String f : files) {
            t.write(f, "# " + f).chmod(f, hardened || f.endsWith("debian.cnf") ? 0640 : 0644);
        }
        t.link("/etc/nginx/sites-enabled/default", "/etc/nginx/sites-available/default");
    }

    static Path hardened(Path root) {
        Runtime.Tree t = new Runtime.Tree(root);
        t.write("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", "ID=debian", "VERSION_ID=\"12\"");
        t.packages("base-files=12.4+deb12u5", "libc6=2.36-9+deb12u10", "openssh-server=1:9.2p1-2+deb12u3",
                "apparmor=3.0.8-3", "auditd=1:3.0.9-1", "aide=0.18.3-1+deb12u3", "aide-common=0.18.3-1+deb12u3",
                "unattended-upgrades=2.9.1+nmu3", "nftables=1.0.6-2+deb12u2", "chrony=4.3-2+deb12u1",
                "sudo=1.9.13p3-1+deb12u1", "libpam-pwquality=1.4.5-1+b1", "rsyslog=8.2302.0-1", "postfix=3.7.11-0+deb12u1",
                "nginx=1.22.1-9+deb12u1", "apache2=2.4.62-1~deb12u2", "mariadb-server=1:10.11.11-0+deb12u1",
                "postgresql-common=248+deb12u1");
        serverConfig(t, true);
        t.write("/etc/environment", "PATH=\"" + ROOT_PATH + "\"");
        for (String d : ROOT_PATH.split(":")) {
            t.dir(d).chmod(d, 0755);
        }
        t.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash", "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
                "alice:x:1000:1000:Alice:/home/alice:/bin/bash");
        t.write("/etc/shadow", "root:!:19000:0:99999:7:::", "daemon:*:19000:0:99999:7:::",
                "alice:$y$j9T$abc$def:19000:1:365:7:30::");
        t.write("/etc/group", "root:x:0:", "daemon:x:1:", "shadow:x:42:", "alice:x:1000:", "sshusers:x:1001:alice",
                "sugroup:x:1002:");
        t.write("/etc/gshadow", "root:*::", "shadow:*::");
        t.write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "PermitRootLogin no",
                "PermitEmptyPasswords no", "MaxAuthTries 4", "X11Forwarding no", "LogLevel VERBOSE", "IgnoreRhosts yes",
                "HostbasedAuthentication no", "PermitUserEnvironment no", "ClientAliveInterval 15",
                "ClientAliveCountMax 3", "LoginGraceTime 60", "MaxStartups 10:30:60", "MaxSessions 10",
                "Banner /etc/issue.net", "UsePAM yes", "DisableForwarding yes", "GSSAPIAuthentication no",
                "Ciphers aes256-gcm@openssh.com,aes256-ctr",
                "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com", "KexAlgorithms curve25519-sha256",
                "AllowGroups sshusers", "Match User backup", "  PermitRootLogin yes");
        files(t, true);
        t.write("/etc/sysctl.d/60-bulwark.conf", SYSCTL_HARDENED.toArray(String[]::new));
        t.write("/etc/fstab", "/dev/mapper/vg-root / ext4 errors=remount-ro 0 1", "tmpfs /tmp tmpfs nodev,nosuid,noexec 0 0",
                "tmpfs /dev/shm tmpfs nodev,nosuid,noexec 0 0", "/dev/mapper/vg-home /home ext4 nodev,nosuid 0 2",
                "/dev/mapper/vg-var /var ext4 nodev,nosuid 0 2",
                "/dev/mapper/vg-vartmp /var/tmp ext4 nodev,nosuid,noexec 0 2",
                "/dev/mapper/vg-log /var/log ext4 nodev,nosuid,noexec 0 2",
                "/dev/mapper/vg-audit /var/log/audit ext4 nodev,nosuid,noexec 0 2");
        t.write("/etc/crypttab", "sda3_crypt UUID=0b1c none luks,discard");
        List<String> modprobe = new ArrayList<>();
        for (String m : MODULES) {
            modprobe.add("install " + m + " /bin/false");
            modprobe.add("blacklist " + m);
        }
        t.write("/etc/modprobe.d/60-bulwark.conf", modprobe.toArray(String[]::new));
        t.write("/etc/security/limits.d/60-bulwark.conf", "* hard core 0");
        t.write("/etc/systemd/coredump.conf.d/60-bulwark.conf", "[Coredump]", "Storage=none", "ProcessSizeMax=0");
        t.write("/etc/default/grub", "GRUB_DEFAULT=0",
                "GRUB_CMDLINE_LINUX=\"apparmor=1 security=apparmor audit=1 audit_backlog_limit=8192\"");
        t.unit("chrony.service", true).unit("nftables.service", true).unit("apparmor.service", true)
                .unit("auditd.service", true).unit("dailyaidecheck.timer", true);
        t.write("/etc/nftables.conf", "#!/usr/sbin/nft -f", "flush ruleset", "table inet filter {", "  chain input {",
                "    type filter hook input priority filter; policy drop;", "    iif lo accept",
                "    ct state established,related accept", "    tcp dport 22 accept", "  }", "}");
        t.write("/proc/net/tcp", "  sl  local_address rem_address   st",
                "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1",
                "   1: 0100007F:0019 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2");
        t.write("/etc/login.defs", "PASS_MAX_DAYS\t365", "PASS_MIN_DAYS\t1", "PASS_WARN_AGE\t7", "UMASK\t\t027",
                "ENCRYPT_METHOD YESCRYPT");
        t.write("/etc/default/useradd", "SHELL=/bin/bash", "INACTIVE=30");
        t.write("/etc/security/pwquality.conf", "minlen = 14");
        t.write("/etc/pam.d/common-password", "password\trequisite\t\t\tpam_pwquality.so retry=3",
                "password\t[success=1 default=ignore]\tpam_unix.so obscure use_authtok try_first_pass yescrypt",
                "password\trequisite\t\t\tpam_deny.so");
        t.write("/etc/pam.d/common-auth", "auth\trequired\tpam_faillock.so preauth",
                "auth\t[success=1 default=ignore]\tpam_unix.so", "auth\t[default=die]\tpam_faillock.so authfail");
        t.write("/etc/security/faillock.conf", "deny = 5", "unlock_time = 900");
        t.write("/etc/pam.d/su", "auth       sufficient pam_rootok.so", "auth       required   pam_wheel.so use_uid group=sugroup");
        t.write("/etc/sudoers", "Defaults\tenv_reset", "Defaults\tuse_pty", "Defaults\tlogfile=\"/var/log/sudo.log\"",
                "root\tALL=(ALL:ALL) ALL", "%sudo\tALL=(ALL:ALL) ALL", "@includedir /etc/sudoers.d");
        t.write("/etc/profile.d/60-bulwark.sh", "readonly TMOUT=900 ; export TMOUT", "umask 027");
        t.write("/sys/module/apparmor/parameters/enabled", "Y");
        t.write("/sys/kernel/security/apparmor/profiles", "/usr/sbin/chronyd (enforce)", "/usr/bin/man (enforce)");
        t.write("/sys/kernel/security/lockdown", "none [integrity] confidentiality");
        t.bytes(SECURE_BOOT, (byte) 6, (byte) 0, (byte) 0, (byte) 0, (byte) 1);
        t.write("/etc/audit/auditd.conf", "max_log_file = 8", "max_log_file_action = keep_logs",
                "space_left_action = email", "admin_space_left_action = single", "disk_full_action = halt");
        List<String> rules = new ArrayList<>();
        for (String w : WATCHES) {
            rules.add("-w " + w + " -p wa -k bulwark");
        }
        rules.add("-a always,exit -F arch=b64 -S " + SYSCALLS + " -k bulwark");
        rules.add("-a always,exit -F arch=b32 -S " + SYSCALLS + " -k bulwark");
        t.write("/etc/audit/rules.d/60-bulwark.rules", rules.toArray(String[]::new));
        t.write("/etc/audit/rules.d/99-finalize.rules", "-e 2");
        t.write("/var/lib/aide/aide.db", "aide database");
        t.write("/etc/systemd/journald.conf", "[Journal]", "Storage=persistent");
        t.write("/etc/rsyslog.conf", "$FileCreateMode 0640", "*.* /var/log/syslog");
        t.write("/etc/apt/apt.conf.d/20auto-upgrades", "APT::Periodic::Update-Package-Lists \"1\";",
                "APT::Periodic::Unattended-Upgrade \"1\";");
        t.write("/etc/postfix/main.cf", "inet_interfaces = loopback-only");
        t.write("/root/.profile", "umask 027").write("/home/alice/.bashrc", "umask 027").chmod("/root", 0700)
                .chmod("/home/alice", 0750).chown("/home/alice", 1000).chown("/home/alice/.bashrc", 1000);
        t.write(SECURITY_INDEX, "Package: libc6", "Version: 2.36-9+deb12u10", "", "Package: openssh-server",
                "Version: 1:9.2p1-2+deb12u3");
        return root;
    }

    static Path weak(Path root) {
        Runtime.Tree t = new Runtime.Tree(root);
        t.write("/etc/os-release", "ID=debian", "VERSION_ID=\"12\"");
        t.packages("base-files=12.4+deb12u5", "libc6=2.36-9+deb12u4", "openssh-server=1:9.2p1-2+deb12u2",
                "apparmor=3.0.8-3", "auditd=1:3.0.9-1", "aide=0.18.3-1", "aide-common=0.18.3-1",
                "unattended-upgrades=2.9.1+nmu3", "nftables=1.0.6-2", "ufw=0.36.2-1", "chrony=4.3-2", "sudo=1.9.13p3-1",
                "libpam-pwquality=1.4.5-1", "rsyslog=8.2302.0-1", "postfix=3.7.10-0", "telnet=0.17+2.4-2",
                "inetutils-telnet=2:2.4-2", "rsh-client=0.17-24", "rsh-redone-client=85-3", "nis=4.17", "talk=0.17-17",
                "tftp-hpa=5.2+20150808-1.4", "ftp=20230507-2", "ldap-utils=2.5.13", "telnetd=0.17+2.4-2",
                "inetutils-telnetd=2:2.4-2", "rsh-server=0.17-24", "talkd=0.17-17", "xinetd=1:2.3.15.3-1",
                "openbsd-inetd=0.20221205-1", "xserver-xorg-core=2:21.1.7-3", "avahi-daemon=0.8-10", "cups=2.4.2-3",
                "isc-dhcp-server=4.4.3", "bind9=1:9.18.24", "vsftpd=3.0.3-13", "slapd=2.5.13", "dovecot-core=1:2.3.19",
                "nfs-kernel-server=1:2.6.2", "rpcbind=1.2.6-6", "rsync=3.2.7-1", "samba=2:4.17.12", "snmpd=5.9.3",
                "tftpd-hpa=5.2", "squid=5.7-2", "apache2=2.4.62-1", "nginx=1.22.1-9", "prelink=0.0.20131005-1",
                "apport=2.26.0", "mysql-server=8.0.40-1", "postgresql-common=248");
        serverConfig(t, false);
        t.write("/etc/profile", "if [ \"$(id -u)\" -eq 0 ]; then", "  PATH=\"/usr/local/sbin:/usr/sbin:/usr/bin\"", "fi",
                "export PATH");
        t.dir("/opt/tools").chmod("/opt/tools", 0777).dir("/opt/bob/bin").chown("/opt/bob/bin", 1000)
                .dir("/usr/local/sbin").chmod("/usr/local/sbin", 02775);
        t.write("/root/.profile", "PATH=.:$PATH:/opt/tools::/opt/bob/bin; export PATH");
        t.write("/etc/passwd", "root:x:0:10:root:/root:/bin/bash", "toor:x:0:0::/root:/bin/sh",
                "daemon:x:1:1:daemon:/usr/sbin:/bin/bash", "bob::1000:1000::/home/bob:/bin/bash",
                "bob:x:1001:1001::/home/bob2:/bin/bash", "carol:x:1002:4242::/home/carol:/bin/bash", "+::::::");
        t.write("/etc/shadow", "root:$y$j9T$abc$def:19000:0:99999:7:::", "toor:!:19000:0:99999:7:::",
                "daemon:*:19000:0:99999:7:::", "bob::19000:0:99999:7:::", "carol:$y$j9T$x$y:19000:0:99999:7:::");
        t.write("/etc/group", "root:x:0:", "wheel:x:10:", "daemon:x:1:", "bob:x:1000:", "bob:x:1001:", "dupe:x:1000:",
                "shadow:x:42:bob");
        t.write("/etc/gshadow", "root:*::");
        t.write("/etc/ssh/sshd_config", "PermitRootLogin yes", "PermitEmptyPasswords yes", "MaxAuthTries 10",
                "X11Forwarding yes", "LogLevel QUIET", "IgnoreRhosts no", "HostbasedAuthentication yes",
                "PermitUserEnvironment yes", "ClientAliveInterval 0", "LoginGraceTime 0", "MaxStartups 100",
                "MaxSessions 50", "UsePAM no", "GSSAPIAuthentication yes", "Ciphers +aes128-cbc", "MACs +hmac-md5",
                "KexAlgorithms +diffie-hellman-group1-sha1");
        files(t, false);
        List<String> sysctl = new ArrayList<>();
        for (String line : SYSCTL_HARDENED) {
            String name = line.substring(0, line.indexOf(' '));
            sysctl.add(name + " = " + (name.equals("kernel.perf_event_paranoid") ? "-1" : "7"));
        }
        t.write("/etc/sysctl.d/60-weak.conf", sysctl.toArray(String[]::new));
        t.write("/etc/fstab", "/dev/sda1 / ext4 errors=remount-ro 0 1", "tmpfs /tmp tmpfs defaults 0 0",
                "tmpfs /dev/shm tmpfs defaults 0 0", "/dev/sda2 /home ext4 defaults 0 2", "/dev/sda3 /var ext4 defaults 0 2",
                "/dev/sda4 /var/tmp ext4 defaults 0 2", "/dev/sda5 /var/log ext4 defaults 0 2",
                "/dev/sda6 /var/log/audit ext4 defaults 0 2");
        t.write("/etc/security/limits.conf", "* hard core unlimited");
        t.write("/etc/systemd/coredump.conf", "[Coredump]", "Storage=external", "ProcessSizeMax=2G");
        t.write("/etc/default/grub", "GRUB_CMDLINE_LINUX=\"apparmor=0 audit_backlog_limit=64\"");
        t.unit("chrony.service", false).unit("apparmor.service", false).unit("auditd.service", false)
                .unit("nftables.service", true).unit("ufw.service", true);
        for (String u : SERVICE_UNITS) {
            t.unit(u, true);
        }
        t.write("/etc/nftables.conf", "table inet filter {", "  chain input {",
                "    type filter hook input priority filter; policy accept;", "  }", "}");
        t.write("/etc/ufw/ufw.conf", "ENABLED=yes").write("/etc/default/ufw", "DEFAULT_INPUT_POLICY=\"ACCEPT\"");
        t.write("/proc/net/tcp", "  sl  local_address rem_address   st",
                "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1",
                "   1: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2");
        t.write("/etc/login.defs", "PASS_MAX_DAYS\t99999", "PASS_MIN_DAYS\t0", "PASS_WARN_AGE\t0", "UMASK\t\t022",
                "ENCRYPT_METHOD MD5");
        t.write("/etc/default/useradd", "INACTIVE=-1");
        t.write("/etc/security/pwquality.conf", "minlen = 8");
        t.write("/etc/pam.d/common-password", "password\t[success=1 default=ignore]\tpam_unix.so obscure nullok md5");
        t.write("/etc/pam.d/common-auth", "auth\trequired\tpam_faillock.so preauth",
                "auth\t[success=1 default=ignore]\tpam_unix.so nullok");
        t.write("/etc/security/faillock.conf", "deny = 10", "unlock_time = 60");
        t.write("/etc/pam.d/su", "# auth       required   pam_wheel.so");
        t.write("/etc/sudoers", "Defaults\t!use_pty", "alice\tALL=(ALL) NOPASSWD: ALL");
        t.write("/etc/profile.d/60-weak.sh", "TMOUT=0", "umask 022");
        t.write("/sys/module/apparmor/parameters/enabled", "N");
        t.write("/sys/kernel/security/apparmor/profiles", "/usr/sbin/chronyd (complain)");
        t.write("/sys/kernel/security/lockdown", "[none] integrity confidentiality");
        t.bytes(SECURE_BOOT, (byte) 6, (byte) 0, (byte) 0, (byte) 0, (byte) 0);
        t.write("/etc/audit/auditd.conf", "max_log_file_action = ROTATE", "space_left_action = ignore",
                "admin_space_left_action = suspend", "disk_full_action = suspend");
        t.write("/etc/systemd/journald.conf", "[Journal]", "Storage=volatile", "Compress=no");
        t.write("/etc/rsyslog.conf", "$FileCreateMode 0644");
        t.write("/etc/apt/apt.conf.d/20auto-upgrades", "APT::Periodic::Update-Package-Lists \"0\";",
                "APT::Periodic::Unattended-Upgrade \"0\";");
        t.write("/etc/postfix/main.cf", "inet_interfaces = all");
        t.write("/root/.bashrc", "umask 022").write("/root/.rhosts", "+ +").chmod("/root", 0755)
                .chmod("/root/.bashrc", 0666).dir("/home/bob2").write("/srv/orphan", "x").chown("/srv/orphan", 4242);
        t.write("/run/reboot-required", "*** System restart required ***").link("/var/run", "/run");
        t.write(SECURITY_INDEX, "Package: libc6", "Version: 2.36-9+deb12u10");
        return root;
    }

    /** A minimal Debian install: a package database without optional software, nothing configured. */
    static Path bare(Path root) {
        new Runtime.Tree(root).write("/etc/os-release", "ID=debian", "VERSION_ID=\"12\"")
                .packages("base-files=12.4+deb12u5", "libc6=2.36-9+deb12u10");
        return root;
    }
}
