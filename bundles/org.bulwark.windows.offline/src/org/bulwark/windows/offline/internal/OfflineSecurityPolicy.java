package org.bulwark.windows.offline.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulwark.windows.api.AccountName;
import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.FactState;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.PolicyFileView;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.UserRight;
import org.bulwark.windows.api.WindowsReadException;
import org.bulwark.windows.regf.policy.AuditPolicy;
import org.bulwark.windows.regf.policy.PolicyFileException;
import org.bulwark.windows.regf.policy.SamDomainPolicy;
import org.bulwark.windows.regf.policy.SamUserFlags;
import org.bulwark.windows.regf.policy.SamUserName;

/**
 * The account, lockout and audit policy of an image, decoded from {@code SAM\Domains\Account\F}, the built-in
 * Administrator's and Guest's {@code F} and {@code V} ({@code …\Users\000001F4}, {@code …\000001F5}) and
 * {@code SECURITY\Policy\PolAdtEv}. Each call reads the hive again (cheap: the hive is parsed lazily and held by
 * the target). Never throws, but for a RID that is not a built-in account's. Thread-safe.
 */
final class OfflineSecurityPolicy implements SecurityPolicyView {

    static final RegPath ACCOUNT = RegPath.of(Hkey.SAM, "SAM\\Domains\\Account");
    static final RegPath ADMINISTRATOR = ACCOUNT.child("Users\\000001F4");
    static final RegPath GUEST = ACCOUNT.child("Users\\000001F5");
    static final RegPath POL_ADT_EV = RegPath.of(Hkey.SECURITY, "Policy\\PolAdtEv");

    private final OfflineRegistry registry;
    private final OfflineUserRights rights;

    OfflineSecurityPolicy(OfflineRegistry registry, PolicyFileView files) {
        this.registry = registry;
        this.rights = new OfflineUserRights(registry, files);
    }

    @Override
    public UserRight userRight(String right) {
        return rights.of(right);
    }

    /** A binary value as read: its bytes, or the fact saying why there are none. */
    private record Blob(byte[] bytes, PolicyFact missing) {
    }

    private Blob blob(String setting, RegPath key, String value) {
        String source = registry.where(key) + " " + (value.isEmpty() ? "(default)" : value);
        try {
            Optional<RegValue> v = registry.value(key, value);
            if (v.isEmpty()) {
                return new Blob(null, PolicyFact.unreadable(setting, source,
                        "the value is not in the hive, though Windows always writes it"));
            }
            return new Blob(v.get().bytes(), null);
        } catch (WindowsReadException e) {
            return new Blob(null, PolicyFact.unreadable(setting, source, e.getMessage()));
        }
    }

    @Override
    public PolicyFact account(AccountSetting setting) {
        String name = setting.name();
        if (setting == AccountSetting.EnableGuestAccount || setting == AccountSetting.EnableAdminAccount) {
            RegPath user = setting == AccountSetting.EnableGuestAccount ? GUEST : ADMINISTRATOR;
            Blob f = blob(name, user, "F");
            if (f.missing() != null) {
                return f.missing();
            }
            String source = registry.where(user) + " F @0x38";
            try {
                return PolicyFact.present(name, SamUserFlags.decode(f.bytes(), source).disabled() ? 0 : 1, source);
            } catch (PolicyFileException e) {
                return PolicyFact.unreadable(name, source, e.getMessage());
            }
        }
        Blob f = blob(name, ACCOUNT, "F");
        if (f.missing() != null) {
            return f.missing();
        }
        String source = registry.where(ACCOUNT) + " F";
        SamDomainPolicy p;
        try {
            p = SamDomainPolicy.decode(f.bytes(), source);
        } catch (PolicyFileException e) {
            return PolicyFact.unreadable(name, source, e.getMessage());
        }
        return switch (setting) {
            case MinimumPasswordLength -> PolicyFact.present(name, p.minPasswordLength(), source + " @0x50");
            case PasswordHistorySize -> PolicyFact.present(name, p.passwordHistoryLength(), source + " @0x52");
            case MaximumPasswordAge -> PolicyFact.present(name, p.maxPasswordAge().map(Duration::toDays).orElse(0L),
                    source + " @0x18");
            case MinimumPasswordAge -> PolicyFact.present(name, p.minPasswordAge().map(Duration::toDays).orElse(0L),
                    source + " @0x20");
            case PasswordComplexity -> PolicyFact.present(name, p.complexity() ? 1 : 0, source + " @0x4C");
            case LockoutBadCount -> PolicyFact.present(name, p.lockoutThreshold(), source + " @0x54");
            case LockoutDuration -> PolicyFact.present(name,
                    p.lockoutDuration().map(Duration::toMinutes).orElse(-1L), source + " @0x30");
            case ResetLockoutCount -> PolicyFact.present(name,
                    p.lockoutObservationWindow().map(Duration::toMinutes).orElse(-1L), source + " @0x38");
            case EnableGuestAccount, EnableAdminAccount -> throw new AssertionError(setting);
        };
    }

    /** @return the decoded audit policy, or the one fact saying why it cannot be had */
    private Object auditPolicy(String name) {
        Blob b = blob(name, POL_ADT_EV, "");
        if (b.missing() != null) {
            return b.missing();
        }
        String source = registry.where(POL_ADT_EV) + " (default)";
        try {
            return AuditPolicy.decode(b.bytes(), source);
        } catch (PolicyFileException e) {
            return PolicyFact.unreadable(name, source, e.getMessage());
        }
    }

    @Override
    public List<PolicyFact> auditSubcategories() {
        Object p = auditPolicy("*");
        if (p instanceof PolicyFact f) {
            return List.of(f);
        }
        String source = registry.where(POL_ADT_EV) + " (default)";
        List<PolicyFact> out = new ArrayList<>();
        for (AuditPolicy.Entry e : ((AuditPolicy) p).entries()) {
            out.add(PolicyFact.present(e.subcategory().name(), e.setting().ordinal(), source));
        }
        return List.copyOf(out);
    }

    @Override
    public PolicyFact audit(String name) {
        Object p = auditPolicy(name);
        if (p instanceof PolicyFact f) {
            return f;
        }
        String source = registry.where(POL_ADT_EV) + " (default)";
        return ((AuditPolicy) p).get(name).map(s -> PolicyFact.present(name, s.ordinal(), source))
                .orElse(PolicyFact.absent(name, source, "the audit policy has no subcategory '" + name + "'"));
    }

    @Override
    public AccountName builtInAccountName(int rid) {
        RegPath user = switch (rid) {
            case AccountName.ADMINISTRATOR -> ADMINISTRATOR;
            case AccountName.GUEST -> GUEST;
            default -> throw new IllegalArgumentException("not a built-in account's RID: " + rid);
        };
        Blob v = blob("V", user, "V");
        if (v.missing() != null) {
            return new AccountName(rid, FactState.UNREADABLE, "", v.missing().source(), v.missing().reason());
        }
        String source = registry.where(user) + " V";
        try {
            String name = SamUserName.decode(v.bytes(), source).name();
            if (name.isEmpty()) {
                return new AccountName(rid, FactState.UNREADABLE, "", source, "the user name in V is empty");
            }
            return new AccountName(rid, FactState.PRESENT, name, source, "");
        } catch (PolicyFileException e) {
            return new AccountName(rid, FactState.UNREADABLE, "", source, e.getMessage());
        }
    }
}
