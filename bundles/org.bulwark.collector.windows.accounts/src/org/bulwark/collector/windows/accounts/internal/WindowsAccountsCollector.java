package org.bulwark.collector.windows.accounts.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.windows.api.AccountName;
import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.settings.WindowsSettingsCollector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Accounts of a Windows target: the effective password and lockout policy, the built-in Administrator's and
 * Guest's state and name and the user rights ({@link UserRights}) from the
 * {@link SecurityPolicyView} (offline: {@code SAM\Domains\Account\F} and the Guest user's {@code F}; units as in
 * {@link AccountSetting}: days, minutes, -1 = never), and the logon and credential settings of
 * {@code settings/accounts.json} (blank passwords, Microsoft accounts, cached logons, WDigest, LAPS, ...).
 */
@Component(service = Collector.class)
public final class WindowsAccountsCollector extends WindowsSettingsCollector {

    static final Map<String, AccountSetting> POLICY = policy();

    private static Map<String, AccountSetting> policy() {
        Map<String, AccountSetting> m = new LinkedHashMap<>();
        m.put("windows.accounts.min-password-length", AccountSetting.MinimumPasswordLength);
        m.put("windows.accounts.password-history", AccountSetting.PasswordHistorySize);
        m.put("windows.accounts.min-password-age", AccountSetting.MinimumPasswordAge);
        m.put("windows.accounts.max-password-age", AccountSetting.MaximumPasswordAge);
        m.put("windows.accounts.password-complexity", AccountSetting.PasswordComplexity);
        m.put("windows.accounts.lockout-threshold", AccountSetting.LockoutBadCount);
        m.put("windows.accounts.lockout-duration", AccountSetting.LockoutDuration);
        m.put("windows.accounts.lockout-reset", AccountSetting.ResetLockoutCount);
        m.put("windows.accounts.guest-enabled", AccountSetting.EnableGuestAccount);
        m.put("windows.accounts.admin-enabled", AccountSetting.EnableAdminAccount);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(POLICY.keySet());
        keys.add("windows.accounts.admin-name");
        keys.add("windows.accounts.guest-name");
        keys.addAll(UserRights.keys());
        return Collections.unmodifiableSet(keys);
    }

    @Activate
    public WindowsAccountsCollector(@Reference SettingResolver resolver, @Reference WindowsTargets targets) {
        super("windows.accounts", Category.ACCOUNTS, "settings/accounts.json", keys(), resolver, targets);
    }

    @Override
    protected List<Observation> more(WindowsTarget target, AssessmentContext context) {
        SecurityPolicyView policy = target.securityPolicy();
        List<Observation> out = new ArrayList<>();
        POLICY.forEach((key, setting) -> out.add(observe(key, policy.account(setting))));
        out.add(observe("windows.accounts.admin-name", policy.builtInAccountName(AccountName.ADMINISTRATOR)));
        out.add(observe("windows.accounts.guest-name", policy.builtInAccountName(AccountName.GUEST)));
        out.addAll(UserRights.observe(policy));
        return out;
    }

    /** @return {@code name} as an observation of {@code key}, as {@link #observe(String, PolicyFact)} does */
    static Observation observe(String key, AccountName name) {
        Source where = name.source().isEmpty() ? null : new Source(SourceKind.FILE, name.source(), 0, null);
        return switch (name.state()) {
            case PRESENT -> Observation.of(key, name.name(), where);
            case ABSENT -> Observation.absent(key, where, name.reason().isEmpty() ? null : name.reason());
            case UNREADABLE -> Observation.unreadable(key, where, name.reason());
            case UNAVAILABLE -> Observation.unavailable(key, name.reason());
        };
    }
}
