package org.bulwark.windows.regf.policy;

import java.util.List;

/** An advanced audit policy subcategory: its category, auditpol's English name and its GUID (ntsecapi.h). */
public record AuditSubcategory(String category, String name, String guid) {
    private static final String G = "-69AE-11D9-BED3-505054503030}";

    /**
     * The categories and subcategories in the order PolAdtEv stores them (the order of dissect.target's
     * {@code regf/auditpol.py}, which follows the Windows 10/11 layout).
     */
    public static final List<List<AuditSubcategory>> ORDER = List.of(
        List.of(s("System", "Security State Change", "10"), s("System", "Security System Extension", "11"),
            s("System", "System Integrity", "12"), s("System", "IPsec Driver", "13"),
            s("System", "Other System Events", "14")),
        List.of(s("Logon/Logoff", "Logon", "15"), s("Logon/Logoff", "Logoff", "16"),
            s("Logon/Logoff", "Account Lockout", "17"), s("Logon/Logoff", "IPsec Main Mode", "18"),
            s("Logon/Logoff", "Special Logon", "1B"), s("Logon/Logoff", "IPsec Quick Mode", "19"),
            s("Logon/Logoff", "IPsec Extended Mode", "1A"), s("Logon/Logoff", "Other Logon/Logoff Events", "1C"),
            s("Logon/Logoff", "Network Policy Server", "43"), s("Logon/Logoff", "User / Device Claims", "47"),
            s("Logon/Logoff", "Group Membership", "49")),
        List.of(s("Object Access", "File System", "1D"), s("Object Access", "Registry", "1E"),
            s("Object Access", "Kernel Object", "1F"), s("Object Access", "SAM", "20"),
            s("Object Access", "Other Object Access Events", "27"), s("Object Access", "Certification Services", "21"),
            s("Object Access", "Application Generated", "22"), s("Object Access", "Handle Manipulation", "23"),
            s("Object Access", "File Share", "24"), s("Object Access", "Filtering Platform Packet Drop", "25"),
            s("Object Access", "Filtering Platform Connection", "26"), s("Object Access", "Detailed File Share", "44"),
            s("Object Access", "Removable Storage", "45"), s("Object Access", "Central Policy Staging", "46")),
        List.of(s("Privilege Use", "Sensitive Privilege Use", "28"),
            s("Privilege Use", "Non Sensitive Privilege Use", "29"),
            s("Privilege Use", "Other Privilege Use Events", "2A")),
        List.of(s("Detailed Tracking", "Process Creation", "2B"), s("Detailed Tracking", "Process Termination", "2C"),
            s("Detailed Tracking", "DPAPI Activity", "2D"), s("Detailed Tracking", "RPC Events", "2E"),
            s("Detailed Tracking", "Plug and Play Events", "48"),
            s("Detailed Tracking", "Token Right Adjusted Events", "4A")),
        List.of(s("Policy Change", "Audit Policy Change", "2F"), s("Policy Change", "Authentication Policy Change", "30"),
            s("Policy Change", "Authorization Policy Change", "31"),
            s("Policy Change", "MPSSVC Rule-Level Policy Change", "32"),
            s("Policy Change", "Filtering Platform Policy Change", "33"),
            s("Policy Change", "Other Policy Change Events", "34")),
        List.of(s("Account Management", "User Account Management", "35"),
            s("Account Management", "Computer Account Management", "36"),
            s("Account Management", "Security Group Management", "37"),
            s("Account Management", "Distribution Group Management", "38"),
            s("Account Management", "Application Group Management", "39"),
            s("Account Management", "Other Account Management Events", "3A")),
        List.of(s("DS Access", "Directory Service Access", "3B"), s("DS Access", "Directory Service Changes", "3C"),
            s("DS Access", "Directory Service Replication", "3D"),
            s("DS Access", "Detailed Directory Service Replication", "3E")),
        List.of(s("Account Logon", "Credential Validation", "3F"),
            s("Account Logon", "Kerberos Service Ticket Operations", "40"),
            s("Account Logon", "Other Account Logon Events", "41"),
            s("Account Logon", "Kerberos Authentication Service", "42")));

    private static AuditSubcategory s(String category, String name, String last) {
        return new AuditSubcategory(category, name, "{0CCE92" + last + G);
    }
}
