package org.bulwark.windows.live.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The layouts of the Win32 structures declared here, against the Windows x64 sizes and offsets of lmaccess.h and
 * ntsecapi.h. Every field is a DWORD (int) or a GUID of DWORD, WORDs and bytes, whose sizes and alignment are the
 * same in JNA on Linux and on Windows, so the figures computed here are the Windows ones.
 */
class StructureLayoutTest {
    @Test
    void userModalsInfo0IsFiveDwords() {
        UserModalsInfo0 info = new UserModalsInfo0();
        assertEquals(List.of("usrmod0_min_passwd_len", "usrmod0_max_passwd_age", "usrmod0_min_passwd_age",
                "usrmod0_force_logoff", "usrmod0_password_hist_len"), info.fields());
        assertEquals(20, info.size());
        assertEquals(0, info.offsetOf("usrmod0_min_passwd_len"));
        assertEquals(4, info.offsetOf("usrmod0_max_passwd_age"));
        assertEquals(8, info.offsetOf("usrmod0_min_passwd_age"));
        assertEquals(12, info.offsetOf("usrmod0_force_logoff"));
        assertEquals(16, info.offsetOf("usrmod0_password_hist_len"));
    }

    @Test
    void userModalsInfo3IsThreeDwords() {
        UserModalsInfo3 info = new UserModalsInfo3();
        assertEquals(List.of("usrmod3_lockout_duration", "usrmod3_lockout_observation_window",
                "usrmod3_lockout_threshold"), info.fields());
        assertEquals(12, info.size());
        assertEquals(0, info.offsetOf("usrmod3_lockout_duration"));
        assertEquals(4, info.offsetOf("usrmod3_lockout_observation_window"));
        assertEquals(8, info.offsetOf("usrmod3_lockout_threshold"));
    }

    @Test
    void auditPolicyInformationIsGuidUlongGuid() {
        AuditPolicyInformation info = new AuditPolicyInformation();
        assertEquals(List.of("AuditSubCategoryGuid", "AuditingInformation", "AuditCategoryGuid"),
                info.fields());
        assertEquals(36, info.size());
        assertEquals(0, info.offsetOf("AuditSubCategoryGuid"));
        assertEquals(16, info.offsetOf("AuditingInformation"));
        assertEquals(20, info.offsetOf("AuditCategoryGuid"));
    }
}
