/**
 * Views of a Windows target that collectors read, the same whether the target is a mounted image (offline) or
 * the running Windows system (live): {@link org.bulwark.windows.api.RegistryView} for registry values,
 * {@link org.bulwark.windows.api.SecurityPolicyView} for account, lockout and audit policy,
 * {@link org.bulwark.windows.api.PolicyFileView} for local Group Policy files and applied security templates,
 * {@link org.bulwark.windows.api.RuntimeView} for runtime state, and {@link org.bulwark.windows.api.WindowsEdition}.
 * {@link org.bulwark.windows.api.WindowsTargets} opens them once per assessment root.
 *
 * <p>This package is versioned semantically. Bulwark implements its interfaces; collectors only call them.
 */
@Export
@Version("1.1.0")
package org.bulwark.windows.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
