package org.bulwark.windows.offline.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.bulwark.windows.api.FactState;
import org.bulwark.windows.api.Hkey;
import org.bulwark.windows.api.Listing;
import org.bulwark.windows.api.PolicyFileView;
import org.bulwark.windows.api.RegPath;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.TemplateEntry;
import org.bulwark.windows.api.UserRight;
import org.bulwark.windows.api.WindowsReadException;
import org.bulwark.windows.regf.policy.AccountRights;
import org.bulwark.windows.regf.policy.PolicyFileException;
import org.bulwark.windows.regf.policy.Principals;

/**
 * The holders of a user right in an image: each {@code SECURITY\Policy\Accounts\<SID>} whose {@code Privilgs} or
 * {@code ActSysAc} grants it (the LSA database, where Windows keeps the effective assignment, also of rights Group
 * Policy applied), and each principal an applied security template's {@code [Privilege Rights]} grants it (the
 * union: an image taken before the policy was applied still shows it). Never throws. Thread-safe.
 */
final class OfflineUserRights {

    static final RegPath ACCOUNTS = RegPath.of(Hkey.SECURITY, "Policy\\Accounts");
    static final String SECTION = "Privilege Rights";

    private final OfflineRegistry registry;
    private final PolicyFileView files;

    OfflineUserRights(OfflineRegistry registry, PolicyFileView files) {
        this.registry = registry;
        this.files = files;
    }

    UserRight of(String right) {
        TreeSet<String> sids = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> sources = new ArrayList<>();
        String at = registry.where(ACCOUNTS);
        try {
            if (!registry.exists(ACCOUNTS)) {
                return new UserRight(right, FactState.UNREADABLE, List.of(), List.of(at),
                    "the key is not in the hive, though Windows always writes it");
            }
            for (String sid : registry.subkeys(ACCOUNTS)) {
                RegPath key = ACCOUNTS.child(sid);
                for (String value : List.of("Privilgs", "ActSysAc")) {
                    Optional<RegValue> v = registry.value(key, value);
                    if (v.isEmpty()) {
                        continue;
                    }
                    String source = registry.where(key) + " " + value;
                    List<String> rights = value.equals("Privilgs") ? AccountRights.privileges(v.get().bytes(), source)
                        : AccountRights.logonRights(v.get().bytes(), source);
                    if (rights.stream().anyMatch(right::equalsIgnoreCase)) {
                        sids.add(sid);
                        sources.add(source);
                    }
                }
            }
        } catch (WindowsReadException e) {
            return new UserRight(right, FactState.UNREADABLE, List.of(), List.of(at), e.getMessage());
        } catch (PolicyFileException e) {
            return new UserRight(right, FactState.UNREADABLE, List.of(), List.of(e.file()), e.getMessage());
        }
        Listing<TemplateEntry> templates = files.securityTemplates();
        for (TemplateEntry e : templates.items()) {
            if (e.section().equalsIgnoreCase(SECTION) && e.key().equalsIgnoreCase(right)) {
                List<String> granted = Principals.ofTemplateValue(e.value());
                sids.addAll(granted);
                sources.add(e.file() + " [" + SECTION + "] " + e.key());
            }
        }
        if (sources.isEmpty()) {
            sources.add(at);
        }
        return new UserRight(right, FactState.PRESENT, List.copyOf(sids), sources, "");
    }
}
