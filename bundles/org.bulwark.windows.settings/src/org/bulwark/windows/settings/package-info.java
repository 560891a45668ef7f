/**
 * Windows settings and the precedence between the places that set them: MDM (Policy CSP in PolicyManager),
 * Group Policy ({@code SOFTWARE\Policies}), the local registry value and the documented built-in default.
 * {@link org.bulwark.windows.settings.SettingResolver} turns one {@link org.bulwark.windows.settings.Setting}
 * into one observation that names the winner as its source and the losers as its others.
 *
 * <p>This package is versioned semantically. Bulwark implements the resolver; collectors use it and implement
 * {@link org.bulwark.windows.settings.RegistryLookup} over the Windows views.
 */
@Export
@Version("1.0.0")
package org.bulwark.windows.settings;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
