package org.bulwark.windows.offline.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.windows.api.AccountSetting;
import org.bulwark.windows.api.Listing;
import org.bulwark.windows.api.PolFileEntry;
import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.PolicyFileView;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.TemplateEntry;

/**
 * The security policy and policy file views of an image while their decoders (SAM {@code F}, {@code PolAdtEv},
 * Registry.pol, INF, audit.csv) are not wired in: every fact is UNREADABLE and every policy file found is a problem,
 * both saying so, so that nothing is counted as passed and nothing is reported as not configured. Immutable.
 */
final class Pending implements SecurityPolicyView, PolicyFileView {

    static final String REASON = "not read offline in this version: the policy decoder is not wired in yet";

    private final ImageFiles files;

    Pending(ImageFiles files) {
        this.files = files;
    }

    @Override
    public PolicyFact account(AccountSetting setting) {
        return PolicyFact.unreadable(setting.name(), "/Windows/System32/config/SAM", REASON);
    }

    @Override
    public List<PolicyFact> auditSubcategories() {
        return List.of(PolicyFact.unreadable("*", "/Windows/System32/config/SECURITY", REASON));
    }

    @Override
    public PolicyFact audit(String name) {
        return PolicyFact.unreadable(name, "/Windows/System32/config/SECURITY", REASON);
    }

    @Override
    public Listing<PolFileEntry> registryPol(Scope scope) {
        return new Listing<>(List.of(), found(List.of("Windows/System32/GroupPolicy/"
                + (scope == Scope.MACHINE ? "Machine" : "User") + "/Registry.pol")));
    }

    @Override
    public Listing<TemplateEntry> securityTemplates() {
        List<String> paths = new ArrayList<>();
        paths.add("Windows/System32/GroupPolicy/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf");
        try {
            for (String name : files.list("Windows/security/templates/policies")) {
                paths.add("Windows/security/templates/policies/" + name);
            }
        } catch (IOException e) {
            return new Listing<>(List.of(), List.of(e.getMessage()));
        }
        return new Listing<>(List.of(), found(paths));
    }

    @Override
    public Listing<TemplateEntry> auditCsv() {
        return new Listing<>(List.of(), found(List.of(
                "Windows/System32/GroupPolicy/Machine/Microsoft/Windows NT/Audit/audit.csv")));
    }

    private List<String> found(List<String> paths) {
        List<String> problems = new ArrayList<>();
        for (String p : paths) {
            try {
                files.file(p).ifPresent(f -> problems.add(f.targetPath() + ": " + REASON));
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }
}
