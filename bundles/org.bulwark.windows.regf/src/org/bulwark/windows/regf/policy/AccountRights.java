package org.bulwark.windows.regf.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The rights one account holds in the SECURITY hive, key {@code Policy\Accounts\<SID>}: the privileges of its value
 * {@code Privilgs} and the logon rights of its value {@code ActSysAc}.
 *
 * <p>{@code Privilgs} is laid out as LSAPR_PRIVILEGE_SET ([MS-LSAD] 2.2.5.1): PrivilegeCount u32, Control u32, then
 * PrivilegeCount LUID_AND_ATTRIBUTES of 12 bytes (LUID LowPart u32, HighPart i32, Attributes u32). The well-known
 * privilege LUIDs are SE_*_PRIVILEGE of winnt.h/ntseapi.h (HighPart 0, LowPart 2..35, SeCreateTokenPrivilege to
 * SeCreateSymbolicLinkPrivilege). {@code ActSysAc} is one u32 of SECURITY_ACCESS_* flags (ntlsa.h:
 * INTERACTIVE 0x1, NETWORK 0x2, BATCH 0x4, SERVICE 0x10, PROXY 0x20, DENY_INTERACTIVE 0x40, DENY_NETWORK 0x80,
 * DENY_BATCH 0x100, DENY_SERVICE 0x200, REMOTE_INTERACTIVE 0x400, DENY_REMOTE_INTERACTIVE 0x800).
 */
public final class AccountRights {
    private static final String[] PRIVILEGES = {null, null, "SeCreateTokenPrivilege",
        "SeAssignPrimaryTokenPrivilege", "SeLockMemoryPrivilege", "SeIncreaseQuotaPrivilege",
        "SeMachineAccountPrivilege", "SeTcbPrivilege", "SeSecurityPrivilege", "SeTakeOwnershipPrivilege",
        "SeLoadDriverPrivilege", "SeSystemProfilePrivilege", "SeSystemtimePrivilege",
        "SeProfileSingleProcessPrivilege", "SeIncreaseBasePriorityPrivilege", "SeCreatePagefilePrivilege",
        "SeCreatePermanentPrivilege", "SeBackupPrivilege", "SeRestorePrivilege", "SeShutdownPrivilege",
        "SeDebugPrivilege", "SeAuditPrivilege", "SeSystemEnvironmentPrivilege", "SeChangeNotifyPrivilege",
        "SeRemoteShutdownPrivilege", "SeUndockPrivilege", "SeSyncAgentPrivilege", "SeEnableDelegationPrivilege",
        "SeManageVolumePrivilege", "SeImpersonatePrivilege", "SeCreateGlobalPrivilege",
        "SeTrustedCredManAccessPrivilege", "SeRelabelPrivilege", "SeIncreaseWorkingSetPrivilege",
        "SeTimeZonePrivilege", "SeCreateSymbolicLinkPrivilege"};

    /** SECURITY_ACCESS_* bit to the name a security template's [Privilege Rights] uses. */
    private static final Object[][] LOGON_RIGHTS = {{0x1, "SeInteractiveLogonRight"},
        {0x2, "SeNetworkLogonRight"}, {0x4, "SeBatchLogonRight"}, {0x10, "SeServiceLogonRight"},
        {0x40, "SeDenyInteractiveLogonRight"}, {0x80, "SeDenyNetworkLogonRight"}, {0x100, "SeDenyBatchLogonRight"},
        {0x200, "SeDenyServiceLogonRight"}, {0x400, "SeRemoteInteractiveLogonRight"},
        {0x800, "SeDenyRemoteInteractiveLogonRight"}};

    private static final int ENTRY = 12;

    private AccountRights() {
    }

    /**
     * The privilege names of a {@code Privilgs} value, in stored order; a LUID without a well-known name as
     * "LUID 0x&lt;high&gt;:&lt;low&gt;" (hex), so that nothing the hive holds is dropped.
     */
    public static List<String> privileges(byte[] privilgs, String file) throws PolicyFileException {
        if (privilgs.length < 8) {
            throw PolicyFileException.atField(file, "PrivilegeCount", "Privilgs of " + privilgs.length
                + " bytes is shorter than its 8-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(privilgs).order(ByteOrder.LITTLE_ENDIAN);
        long count = Integer.toUnsignedLong(b.getInt(0));
        if (8 + count * ENTRY > privilgs.length) {
            throw PolicyFileException.atOffset(file, 0, "privilege count " + count + " needs " + (8 + count * ENTRY)
                + " bytes but Privilgs has " + privilgs.length);
        }
        List<String> names = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int at = 8 + i * ENTRY;
            long low = Integer.toUnsignedLong(b.getInt(at));
            int high = b.getInt(at + 4);
            names.add(high == 0 && low < PRIVILEGES.length && PRIVILEGES[(int) low] != null
                ? PRIVILEGES[(int) low]
                : "LUID 0x" + Integer.toHexString(high) + ":0x" + Long.toHexString(low));
        }
        return List.copyOf(names);
    }

    /** The logon right names of an {@code ActSysAc} value (u32 SECURITY_ACCESS_* flags), in bit order. */
    public static List<String> logonRights(byte[] actSysAc, String file) throws PolicyFileException {
        if (actSysAc.length != 4) {
            throw PolicyFileException.atField(file, "ActSysAc", "ActSysAc of " + actSysAc.length
                + " bytes is not the 4-byte system access flags");
        }
        int flags = ByteBuffer.wrap(actSysAc).order(ByteOrder.LITTLE_ENDIAN).getInt();
        List<String> names = new ArrayList<>();
        for (Object[] right : LOGON_RIGHTS) {
            if ((flags & (int) right[0]) != 0) {
                names.add((String) right[1]);
            }
        }
        return List.copyOf(names);
    }
}
