package org.bulwark.windows.live.internal;

import java.util.ArrayList;
import java.util.List;

import org.bulwark.windows.api.AccountName;
import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.FactState;
import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.UserRight;
import org.bulwark.windows.regf.policy.AuditPolicy;
import org.bulwark.windows.regf.policy.AuditSubcategory;

/**
 * The account, lockout and audit policy of the running system: {@code NetUserModalsGet} levels 0 and 3 and
 * {@code AuditQuerySystemPolicy} (needs SeSecurityPrivilege), in the offline view's units (see
 * {@link Win32Translation}). Complexity and the Guest account are not given by these calls and are UNREADABLE with
 * that reason. Each call asks Windows again. Never throws. Thread-safe.
 */
final class LiveSecurityPolicy implements SecurityPolicyView {

    static final String MODALS_0 = "NetUserModalsGet level 0";
    static final String MODALS_3 = "NetUserModalsGet level 3";
    static final String AUDIT = "AuditQuerySystemPolicy";

    private final Win32Calls calls;

    LiveSecurityPolicy(Win32Calls calls) {
        this.calls = calls;
    }

    @Override
    public PolicyFact account(AccountSetting setting) {
        String name = setting.name();
        switch (setting) {
            case PasswordComplexity, EnableGuestAccount, EnableAdminAccount:
                return PolicyFact.unreadable(name, "", "live mode does not read " + name
                        + " yet (NetUserModalsGet does not give it)");
            case LockoutBadCount, LockoutDuration, ResetLockoutCount:
                Win32Calls.Modals3 m3;
                try {
                    m3 = calls.userModals3();
                } catch (Win32Failure e) {
                    return PolicyFact.unreadable(name, MODALS_3, e.getMessage());
                }
                return switch (setting) {
                    case LockoutBadCount -> PolicyFact.present(name, Win32Translation.count(m3.lockoutThreshold()),
                            MODALS_3 + " usrmod3_lockout_threshold");
                    case LockoutDuration -> PolicyFact.present(name,
                            Win32Translation.minutes(m3.lockoutDuration()), MODALS_3 + " usrmod3_lockout_duration");
                    default -> PolicyFact.present(name, Win32Translation.minutes(m3.lockoutObservationWindow()),
                            MODALS_3 + " usrmod3_lockout_observation_window");
                };
            default:
                Win32Calls.Modals0 m0;
                try {
                    m0 = calls.userModals0();
                } catch (Win32Failure e) {
                    return PolicyFact.unreadable(name, MODALS_0, e.getMessage());
                }
                return switch (setting) {
                    case MinimumPasswordLength -> PolicyFact.present(name, Win32Translation.count(m0.minPasswdLen()),
                            MODALS_0 + " usrmod0_min_passwd_len");
                    case PasswordHistorySize -> PolicyFact.present(name,
                            Win32Translation.count(m0.passwordHistLen()), MODALS_0 + " usrmod0_password_hist_len");
                    case MaximumPasswordAge -> PolicyFact.present(name, Win32Translation.days(m0.maxPasswdAge()),
                            MODALS_0 + " usrmod0_max_passwd_age");
                    default -> PolicyFact.present(name, Win32Translation.days(m0.minPasswdAge()),
                            MODALS_0 + " usrmod0_min_passwd_age");
                };
        }
    }

    /** @return the live audit policy of every known subcategory, or the one fact saying why it cannot be had */
    private Object auditPolicy(String name) {
        List<AuditSubcategory> known = AuditSubcategory.ORDER.stream().flatMap(List::stream).toList();
        int[] bits;
        try {
            bits = calls.auditPolicy(known.stream().map(AuditSubcategory::guid).toList());
        } catch (Win32Failure e) {
            return PolicyFact.unreadable(name, AUDIT, e.getMessage());
        }
        if (bits.length != known.size()) {
            return PolicyFact.unreadable(name, AUDIT, bits.length + " results for " + known.size() + " subcategories");
        }
        List<AuditPolicy.Entry> entries = new ArrayList<>();
        for (int i = 0; i < bits.length; i++) {
            try {
                entries.add(new AuditPolicy.Entry(known.get(i), Win32Translation.audit(bits[i])));
            } catch (IllegalArgumentException e) {
                return PolicyFact.unreadable(name, AUDIT, known.get(i).name() + ": " + e.getMessage());
            }
        }
        return new AuditPolicy(entries);
    }

    @Override
    public List<PolicyFact> auditSubcategories() {
        Object p = auditPolicy("*");
        if (p instanceof PolicyFact f) {
            return List.of(f);
        }
        List<PolicyFact> out = new ArrayList<>();
        for (AuditPolicy.Entry e : ((AuditPolicy) p).entries()) {
            out.add(PolicyFact.present(e.subcategory().name(), e.setting().ordinal(), AUDIT));
        }
        return List.copyOf(out);
    }

    @Override
    public PolicyFact audit(String name) {
        Object p = auditPolicy(name);
        if (p instanceof PolicyFact f) {
            return f;
        }
        return ((AuditPolicy) p).get(name).map(s -> PolicyFact.present(name, s.ordinal(), AUDIT))
                .orElse(PolicyFact.absent(name, AUDIT, "the audit policy has no subcategory '" + name + "'"));
    }

    @Override
    public AccountName builtInAccountName(int rid) {
        if (rid != AccountName.ADMINISTRATOR && rid != AccountName.GUEST) {
            throw new IllegalArgumentException("not a built-in account: RID " + rid);
        }
        return new AccountName(rid, FactState.UNREADABLE, "", "", "live mode does not read built-in account names yet");
    }

    @Override
    public UserRight userRight(String right) {
        return new UserRight(right, FactState.UNREADABLE, List.of(), List.of(),
                "live mode does not read user rights yet (LsaEnumerateAccountsWithUserRight is not called)");
    }
}
