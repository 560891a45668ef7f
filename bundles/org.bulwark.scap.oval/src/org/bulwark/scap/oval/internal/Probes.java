package org.bulwark.scap.oval.internal;

import java.util.Map;
import java.util.Set;

/** The object types the evaluator implements, by OVAL family and object element name. */
final class Probes {

    private static final Map<String, Probe> PROBES = Map.ofEntries(
            Map.entry("independent#textfilecontent54_object", TextProbes::textfilecontent54),
            Map.entry("independent#family_object", SystemProbes::family),
            Map.entry("independent#variable_object", SystemProbes::variable),
            Map.entry("independent#environmentvariable58_object", SystemProbes::environmentvariable58),
            Map.entry("independent#symlink_object", FileProbes::symlink),
            Map.entry("independent#filehash58_object", FileProbes::filehash58),
            Map.entry("unix#file_object", FileProbes::file),
            Map.entry("unix#sysctl_object", SystemProbes::sysctl),
            Map.entry("unix#uname_object", SystemProbes::uname),
            Map.entry("unix#shadow_object", AccountProbes::shadow),
            Map.entry("unix#password_object", AccountProbes::password),
            Map.entry("linux#dpkginfo_object", PackageProbes::dpkginfo),
            Map.entry("linux#partition_object", SystemProbes::partition),
            Map.entry("linux#systemdunitproperty_object", SystemdProbes::unitProperty),
            Map.entry("linux#systemdunitdependency_object", SystemdProbes::unitDependency));

    private Probes() {
    }

    /** @return the probe of an object type, or {@code null} when it is not implemented */
    static Probe find(String family, String objectName) {
        return PROBES.get(family + "#" + objectName);
    }

    /** @return the implemented test types, e.g. {@code unix#file_test} */
    static Set<String> testTypes() {
        return PROBES.keySet().stream().map(k -> k.replaceFirst("_object$", "_test"))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
