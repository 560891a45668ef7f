/**
 * Decoders of the Windows policy files and blobs beside the registry: {@link org.bulwark.windows.regf.policy.PolicyFile}
 * (Registry.pol, the PReg format), {@link org.bulwark.windows.regf.policy.SecurityTemplate} (secedit INF such as
 * GptTmpl.inf), {@link org.bulwark.windows.regf.policy.AuditCsv} (advanced audit policy audit.csv),
 * {@link org.bulwark.windows.regf.policy.SamDomainPolicy} (the SAM {@code Domains\Account} value {@code F}),
 * {@link org.bulwark.windows.regf.policy.SamUserFlags} (a SAM user's {@code F}),
 * {@link org.bulwark.windows.regf.policy.SamUserName} (the user name in a SAM user's {@code V}),
 * {@link org.bulwark.windows.regf.policy.AccountRights} (the SECURITY {@code Policy\Accounts\<SID>} values
 * {@code Privilgs} and {@code ActSysAc}) and
 * {@link org.bulwark.windows.regf.policy.AuditPolicy} (the SECURITY value {@code Policy\PolAdtEv}).
 *
 * <p>Every input is untrusted: a decoder returns values or throws a
 * {@link org.bulwark.windows.regf.policy.PolicyFileException} naming the file and the offset, line or field, never
 * a runtime exception.
 *
 * <p>This package is versioned semantically. Its types are created by Bulwark's code; no one implements them.
 */
@Export
@Version("1.1.0")
package org.bulwark.windows.regf.policy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
