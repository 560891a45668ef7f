package org.bulwark.windows.api;

/** The account and lockout policy settings, named as in a security template's {@code [System Access]}. */
public enum AccountSetting {
    /** characters */
    MinimumPasswordLength,
    /** remembered passwords */
    PasswordHistorySize,
    /** days; 0 = never expires */
    MaximumPasswordAge,
    /** days */
    MinimumPasswordAge,
    /** 1 = complexity required */
    PasswordComplexity,
    /** bad attempts; 0 = never locked out */
    LockoutBadCount,
    /** minutes; -1 = until an administrator unlocks the account */
    LockoutDuration,
    /** minutes; -1 = never reset */
    ResetLockoutCount,
    /** 1 = the built-in Guest account (RID 501) is enabled */
    EnableGuestAccount,
    /** 1 = the built-in Administrator account (RID 500) is enabled; since 1.1 */
    EnableAdminAccount
}
