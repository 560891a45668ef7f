package org.bulwark.benchmark.api;

import java.util.List;

/**
 * Where a control comes from in other frameworks.
 *
 * @param cis   CIS benchmark recommendation ids, e.g. {@code "Debian 12: 1.5.1"}
 * @param nist  NIST SP 800-53 controls, e.g. {@code "CM-6"}
 * @param cce   Common Configuration Enumeration ids
 * @param ssg   ComplianceAsCode (SCAP Security Guide) rule ids, e.g. {@code "sysctl_kernel_randomize_va_space"}
 * @param lynis Lynis test ids, e.g. {@code "KRNL-6000"}
 */
public record References(List<String> cis, List<String> nist, List<String> cce, List<String> ssg,
        List<String> lynis) {

    /** No references. */
    public static final References NONE = new References(null, null, null, null, null);

    public References {
        cis = copy(cis);
        nist = copy(nist);
        cce = copy(cce);
        ssg = copy(ssg);
        lynis = copy(lynis);
    }

    private static List<String> copy(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }
}
