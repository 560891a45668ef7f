package org.bulwark.collector.linux.accounts.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.DropInDirectories;
import org.bulwark.linux.KeyValueConfig;
import org.bulwark.linux.LinuxCollector;
import org.osgi.service.component.annotations.Component;

/**
 * Password and login policy: {@code linux.logindefs.pass_max_days}, {@code .pass_min_days},
 * {@code .pass_warn_age}, {@code .umask}, {@code .encrypt_method} ({@code /etc/login.defs}, the last
 * definition wins as in shadow-utils; values lower-case); {@code linux.useradd.inactive}
 * ({@code /etc/default/useradd}); {@code linux.pwquality.minlen}, {@code .minclass}
 * ({@code /etc/security/pwquality.conf} and its {@code .d}); {@code linux.faillock.deny},
 * {@code .unlock_time} ({@code /etc/security/faillock.conf}). Each is ABSENT when nothing sets it.
 */
@Component(service = Collector.class)
public final class LoginPolicyCollector extends LinuxCollector {

    static final List<String> LOGIN_DEFS = List.of("PASS_MAX_DAYS", "PASS_MIN_DAYS", "PASS_WARN_AGE", "UMASK",
            "ENCRYPT_METHOD");

    private static final Set<String> PROVIDES = Set.of("linux.logindefs.pass_max_days",
            "linux.logindefs.pass_min_days", "linux.logindefs.pass_warn_age", "linux.logindefs.umask",
            "linux.logindefs.encrypt_method", "linux.useradd.inactive", "linux.pwquality.minlen",
            "linux.pwquality.minclass", "linux.faillock.deny", "linux.faillock.unlock_time");

    public LoginPolicyCollector() {
        super("linux.accounts.login-policy", Category.ACCOUNTS, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path root = context.root();
        List<Observation> result = new ArrayList<>();
        KeyValueConfig defs = KeyValueConfig.read(root, "/etc/login.defs", KeyValueConfig.Syntax.WHITESPACE,
                KeyValueConfig.Wins.LAST, false);
        for (String name : LOGIN_DEFS) {
            result.add(lower(defs.observe("linux.logindefs." + name.toLowerCase(Locale.ROOT), name,
                    Source.builtInDefault("shadow-utils"))));
        }
        KeyValueConfig useradd = KeyValueConfig.read(root, "/etc/default/useradd", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false);
        result.add(useradd.observe("linux.useradd.inactive", "INACTIVE", Source.builtInDefault("useradd: -1, never")));

        List<String> pwqFiles = new ArrayList<>(List.of("/etc/security/pwquality.conf"));
        DropInDirectories.merge(root, List.of("/etc/security/pwquality.conf.d"), ".conf").forEach(e -> pwqFiles.add(e.path()));
        KeyValueConfig pwq = KeyValueConfig.read(root, pwqFiles, KeyValueConfig.Syntax.EQUALS, KeyValueConfig.Wins.LAST,
                false);
        result.add(pwq.observe("linux.pwquality.minlen", "minlen", Source.builtInDefault("pwquality: 8")));
        result.add(pwq.observe("linux.pwquality.minclass", "minclass", Source.builtInDefault("pwquality: 0")));

        KeyValueConfig faillock = KeyValueConfig.read(root, "/etc/security/faillock.conf", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false);
        result.add(faillock.observe("linux.faillock.deny", "deny", Source.builtInDefault("pam_faillock: 3")));
        result.add(faillock.observe("linux.faillock.unlock_time", "unlock_time",
                Source.builtInDefault("pam_faillock: 600")));
        return result;
    }

    private static Observation lower(Observation o) {
        if (o.state() != ObservationState.PRESENT) {
            return o;
        }
        return new Observation(o.key(), o.state(), List.of(o.value().toLowerCase(Locale.ROOT)), o.source(), o.reason(),
                o.others());
    }
}
