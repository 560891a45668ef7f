package org.bulwark.windows.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The effective account, lockout and audit policy of a Windows target. Offline it is decoded from the SAM hive
 * ({@code SAM\Domains\Account\F}, the Guest user's {@code F}) and the SECURITY hive ({@code Policy\PolAdtEv}); a
 * hive that cannot be read makes each fact {@link FactState#UNREADABLE} with the reason. Never throws. Thread-safe.
 */
@ProviderType
public interface SecurityPolicyView {

    /** @return the setting as read */
    PolicyFact account(AccountSetting setting);

    /**
     * @return every advanced audit subcategory the target's audit policy holds, in its order, each with its value
     *         (0 none, 1 success, 2 failure, 3 both); one {@link FactState#UNREADABLE} fact named {@code *} when the
     *         policy cannot be read
     */
    List<PolicyFact> auditSubcategories();

    /** @return the audit subcategory {@code name} (case-insensitive), or an ABSENT/UNREADABLE fact saying why not */
    PolicyFact audit(String name);

    /**
     * @param rid {@link AccountName#ADMINISTRATOR} or {@link AccountName#GUEST}
     * @return the built-in account's name (offline: the SAM user's {@code V}), or an UNREADABLE name saying why not
     * @throws IllegalArgumentException for another RID
     * @since 1.1
     */
    AccountName builtInAccountName(int rid);

    /**
     * @param right a privilege or logon right as a security template names it, e.g. {@code SeDebugPrivilege}
     * @return who holds it: offline, the union of the SECURITY hive's {@code Policy\Accounts\<SID>} values
     *         {@code Privilgs} and {@code ActSysAc} and of the applied security templates' {@code [Privilege Rights]};
     *         UNREADABLE when the SECURITY hive or one of those values cannot be read
     * @since 1.1
     */
    UserRight userRight(String right);
}
