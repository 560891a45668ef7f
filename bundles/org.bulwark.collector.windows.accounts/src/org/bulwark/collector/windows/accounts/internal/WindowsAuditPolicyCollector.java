package org.bulwark.collector.windows.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.WindowsTarget;
import org.bulwark.windows.api.WindowsTargets;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.settings.WindowsSettingsCollector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The effective advanced audit policy of a Windows target, one key per subcategory the baseline reads
 * ({@code windows.audit.<subcategory>}): 0 no auditing, 1 success, 2 failure, 3 both. Offline it is decoded from
 * {@code SECURITY\Policy\PolAdtEv}; a SECURITY hive that cannot be read makes every key UNREADABLE.
 */
@Component(service = Collector.class)
public final class WindowsAuditPolicyCollector extends WindowsSettingsCollector {

    /** Observation key to the subcategory's name as auditpol shows it. */
    static final List<Map.Entry<String, String>> SUBCATEGORIES = List.of(
            Map.entry("windows.audit.credential-validation", "Credential Validation"),
            Map.entry("windows.audit.application-group-management", "Application Group Management"),
            Map.entry("windows.audit.security-group-management", "Security Group Management"),
            Map.entry("windows.audit.user-account-management", "User Account Management"),
            Map.entry("windows.audit.plug-and-play-events", "Plug and Play Events"),
            Map.entry("windows.audit.process-creation", "Process Creation"),
            Map.entry("windows.audit.account-lockout", "Account Lockout"),
            Map.entry("windows.audit.group-membership", "Group Membership"),
            Map.entry("windows.audit.logoff", "Logoff"),
            Map.entry("windows.audit.logon", "Logon"),
            Map.entry("windows.audit.other-logon-logoff-events", "Other Logon/Logoff Events"),
            Map.entry("windows.audit.special-logon", "Special Logon"),
            Map.entry("windows.audit.detailed-file-share", "Detailed File Share"),
            Map.entry("windows.audit.file-share", "File Share"),
            Map.entry("windows.audit.other-object-access-events", "Other Object Access Events"),
            Map.entry("windows.audit.removable-storage", "Removable Storage"),
            Map.entry("windows.audit.audit-policy-change", "Audit Policy Change"),
            Map.entry("windows.audit.authentication-policy-change", "Authentication Policy Change"),
            Map.entry("windows.audit.authorization-policy-change", "Authorization Policy Change"),
            Map.entry("windows.audit.mpssvc-rule-level-policy-change", "MPSSVC Rule-Level Policy Change"),
            Map.entry("windows.audit.other-policy-change-events", "Other Policy Change Events"),
            Map.entry("windows.audit.sensitive-privilege-use", "Sensitive Privilege Use"),
            Map.entry("windows.audit.ipsec-driver", "IPsec Driver"),
            Map.entry("windows.audit.other-system-events", "Other System Events"),
            Map.entry("windows.audit.security-state-change", "Security State Change"),
            Map.entry("windows.audit.security-system-extension", "Security System Extension"),
            Map.entry("windows.audit.system-integrity", "System Integrity"));

    @Activate
    public WindowsAuditPolicyCollector(@Reference SettingResolver resolver, @Reference WindowsTargets targets) {
        super("windows.audit-policy", Category.OPERATING_SYSTEM, null,
                SUBCATEGORIES.stream().map(Map.Entry::getKey).collect(Collectors.toSet()), resolver, targets);
    }

    @Override
    protected List<Observation> more(WindowsTarget target, AssessmentContext context) {
        SecurityPolicyView policy = target.securityPolicy();
        List<Observation> out = new ArrayList<>();
        for (Map.Entry<String, String> e : SUBCATEGORIES) {
            out.add(observe(e.getKey(), policy.audit(e.getValue())));
        }
        return out;
    }
}
