package org.bulwark.windows.settings;

import java.io.InputStream;
import java.util.List;

import org.bulwark.collector.api.Observation;
import org.bulwark.windows.api.WindowsTarget;

/** Resolves Windows settings to their effective value. Bulwark implements it as a service. */
@org.osgi.annotation.versioning.ProviderType
public interface SettingResolver {

    /** The PolicyManager value that lets MDM win over Group Policy for eligible policies. */
    String CONTROL_POLICY_CONFLICT = "Microsoft\\PolicyManager\\current\\device\\ControlPolicyConflict";

    /**
     * Resolves {@code setting} on the target seen through {@code lookup}, with the precedence of MDM, Group
     * Policy, local value and default; the observation's source is the winner and its others the losers. Two
     * policy sources that disagree with no rule to decide give a PRESENT observation with both values (a control
     * with the default {@code "match": "all"} passes only if both comply) and a reason starting with
     * {@code "conflict:"}. A source whose hive cannot be read makes the observation UNREADABLE with the
     * lookup's message, whatever the other sources say.
     */
    Observation resolve(Setting setting, RegistryLookup lookup);

    /**
     * @return a lookup over {@code target}'s registry (hives {@code SOFTWARE}, {@code SYSTEM}, {@code SECURITY},
     *         {@code SAM}) and its local Group Policy files, for {@link #resolve}
     */
    RegistryLookup lookup(WindowsTarget target);

    /**
     * Reads a settings catalogue (JSON, strict: unknown fields, duplicate names and duplicate ids are refused).
     *
     * @param origin the file name used in messages
     * @throws CatalogException naming {@code origin} and the field
     */
    List<Setting> read(String origin, InputStream in) throws CatalogException;
}
