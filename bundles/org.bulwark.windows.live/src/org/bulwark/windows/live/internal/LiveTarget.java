package org.bulwark.windows.live.internal;

import java.util.List;
import java.util.Optional;

import org.bulwark.windows.api.Listing;
import org.bulwark.windows.api.PolFileEntry;
import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.PolicyFileView;
import org.bulwark.windows.api.RegistryView;
import org.bulwark.windows.api.RuntimeView;
import org.bulwark.windows.api.SecurityPolicyView;
import org.bulwark.windows.api.TemplateEntry;
import org.bulwark.windows.api.WindowsEdition;
import org.bulwark.windows.api.WindowsTarget;

/**
 * The running Windows system over {@link Win32Calls}. Policy files and runtime facts are not read live yet: the
 * policy file listings are empty with a problem saying so, and each runtime fact is UNAVAILABLE with
 * {@link #NO_RUNTIME}. Thread-safe.
 */
final class LiveTarget implements WindowsTarget {

    static final String NO_RUNTIME = "live mode does not read runtime state yet";
    static final String NO_POLICY_FILES = "live mode does not read policy files yet";

    private final LiveRegistry registry;
    private final LiveSecurityPolicy policy;

    LiveTarget(Win32Calls calls) {
        registry = new LiveRegistry(calls);
        policy = new LiveSecurityPolicy(calls);
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public RegistryView registry() {
        return registry;
    }

    @Override
    public SecurityPolicyView securityPolicy() {
        return policy;
    }

    @Override
    public PolicyFileView policyFiles() {
        return new PolicyFileView() {
            @Override
            public Listing<PolFileEntry> registryPol(Scope scope) {
                return new Listing<>(List.of(), List.of(NO_POLICY_FILES));
            }

            @Override
            public Listing<TemplateEntry> securityTemplates() {
                return new Listing<>(List.of(), List.of(NO_POLICY_FILES));
            }

            @Override
            public Listing<TemplateEntry> auditCsv() {
                return new Listing<>(List.of(), List.of(NO_POLICY_FILES));
            }
        };
    }

    @Override
    public RuntimeView runtime() {
        return new RuntimeView() {
            @Override
            public PolicyFact serviceRunning(String name) {
                return PolicyFact.unavailable(name, NO_RUNTIME);
            }

            @Override
            public PolicyFact bitLockerProtection(String volume) {
                return PolicyFact.unavailable(volume, NO_RUNTIME);
            }

            @Override
            public PolicyFact defender(String property) {
                return PolicyFact.unavailable(property, NO_RUNTIME);
            }
        };
    }

    @Override
    public Optional<WindowsEdition> edition() {
        return Optional.empty();
    }

    @Override
    public List<String> problems() {
        return List.of(NO_RUNTIME, NO_POLICY_FILES, "live mode does not tell the edition yet");
    }
}
