package org.bulwark.scap.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bulwark.benchmark.api.Applicability;
import org.bulwark.benchmark.api.Control;
import org.bulwark.benchmark.api.Expectation;
import org.bulwark.benchmark.api.Operator;
import org.bulwark.benchmark.api.References;
import org.bulwark.benchmark.api.Remediation;
import org.bulwark.benchmark.api.RemediationType;
import org.bulwark.collector.api.Category;
import org.bulwark.scap.Benchmark;
import org.bulwark.scap.Group;
import org.bulwark.scap.Profile;
import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.Rule;

/**
 * One Bulwark control per rule of a profile. The control's id is the XCCDF rule id; it expects
 * {@code <key> equals "pass"} and applies when {@code <key>.applies equals "true"} (see {@link Keys}); the
 * collector ({@link ScapCollector}) reports both. Weight: {@link Weights} of the severity (refine-rule first).
 * Category: the first of the rule's groups, innermost first, whose id names accounts, network, auditing or
 * software; else operating system. References: CCE idents, CIS benchmark and NIST SP 800-53 references, and for
 * SSG content the short rule id. Remediation: the first fix text, and the first shell fix with the profile's
 * values put in for its {@code sub}s.
 */
final class RuleControls {

    static final String SSG_RULE = "xccdf_org.ssgproject.content_rule_";
    private static final String SH = "urn:xccdf:fix:script:sh";

    private final Benchmark benchmark;
    private final ResolvedProfile profile;
    private final Map<String, Group> groups = new HashMap<>();

    RuleControls(Benchmark benchmark, ResolvedProfile profile) {
        this.benchmark = benchmark;
        this.profile = profile;
        benchmark.groups().forEach(g -> groups.put(g.id(), g));
    }

    /** @return the severity the profile gives the rule */
    String severity(Rule rule) {
        Profile.RefineRule refined = profile.refinedRules().get(rule.id());
        return refined != null && !refined.severity().isEmpty() ? refined.severity() : rule.severity();
    }

    Control control(Rule rule, String key) {
        Expectation expect = new Expectation.Check(key, Operator.EQUALS, List.of("pass"), null);
        Applicability applies = new Applicability(
                new Expectation.Check(key + Keys.APPLIES, Operator.EQUALS, List.of("true"), null),
                "the rule does not apply to this target (its platform or its OVAL check; see the evidence)");
        String title = rule.title().isBlank() ? rule.id() : rule.title();
        return new Control(rule.id(), title, category(rule), Weights.of(severity(rule)), description(rule),
                rule.rationale(), expect, applies, remediation(rule), references(rule));
    }

    private String description(Rule rule) {
        return "XCCDF rule " + rule.id() + " of " + benchmark.id() + ", severity " + severity(rule)
                + (rule.groupId().isEmpty() ? "" : ", in group " + rule.groupId());
    }

    Category category(Rule rule) {
        String id = rule.groupId();
        for (int depth = 0; !id.isEmpty() && depth < 64; depth++) {
            String name = id.toLowerCase(Locale.ROOT);
            if (name.matches(".*(accounts|password|pam|login|sudo).*")) {
                return Category.ACCOUNTS;
            }
            if (name.matches(".*(network|firewall|iptables|nftables|ufw|wireless|ipv6|ssh).*")) {
                return Category.NETWORK;
            }
            if (name.matches(".*(audit|logging|rsyslog|journald|aide|integrity|apparmor|selinux|crypto).*")) {
                return Category.SECURITY_CONTROLS;
            }
            if (name.matches(".*(software|packages|updating|services|obsolete).*")) {
                return Category.APPLICATION;
            }
            Group g = groups.get(id);
            id = g == null ? "" : g.parentId();
        }
        return Category.OPERATING_SYSTEM;
    }

    References references(Rule rule) {
        List<String> cce = new ArrayList<>();
        for (Rule.Ident i : rule.idents()) {
            if (i.system().toLowerCase(Locale.ROOT).contains("cce")) {
                cce.add(i.value());
            }
        }
        List<String> cis = new ArrayList<>();
        List<String> nist = new ArrayList<>();
        for (Rule.Reference r : rule.references()) {
            String href = r.href().toLowerCase(Locale.ROOT);
            List<String> into = href.contains("cisecurity.org/benchmark") || href.contains("benchmarks.cisecurity")
                    ? cis : href.contains("nist.sp.800-53") ? nist : null;
            if (into != null) {
                for (String part : r.text().split(",")) {
                    if (!part.isBlank()) {
                        into.add(part.trim());
                    }
                }
            }
        }
        List<String> ssg = rule.id().startsWith(SSG_RULE) ? List.of(rule.id().substring(SSG_RULE.length()))
                : List.of();
        return new References(cis, nist, cce, ssg, List.of());
    }

    Remediation remediation(Rule rule) {
        String text = rule.fixTexts().isEmpty() ? "" : rule.fixTexts().get(0);
        String script = null;
        for (Rule.Fix f : rule.fixes()) {
            if (f.system().equals(SH)) {
                script = script(f);
                break;
            }
        }
        if (text.isBlank()) {
            text = script != null ? "Run the rule's shell fix." : "The content gives no fix for this rule.";
        }
        return new Remediation(type(rule), text, script);
    }

    /** @return the fix's text with the profile's value of each {@code sub} put in at its offset */
    String script(Rule.Fix fix) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Rule.Sub s : fix.subs()) {
            int offset = Math.min(Math.max(s.offset(), at), fix.text().length());
            b.append(fix.text(), at, offset).append(profile.values().getOrDefault(s.idref(), ""));
            at = offset;
        }
        return b.append(fix.text().substring(at)).toString();
    }

    static RemediationType type(Rule rule) {
        String id = rule.id();
        if (id.contains("package_") && id.endsWith("_removed")) {
            return RemediationType.SOFTWARE_UNINSTALL;
        }
        if (id.contains("package_") && id.endsWith("_installed")) {
            return RemediationType.SOFTWARE_INSTALL;
        }
        if (id.contains("_permissions_") || id.contains("file_owner") || id.contains("file_groupowner")) {
            return RemediationType.FILE_PERMISSIONS;
        }
        if (id.contains("accounts_") || id.contains("_password")) {
            return RemediationType.ACCOUNT_CHANGE;
        }
        return RemediationType.CONFIGURATION_CHANGE;
    }
}
