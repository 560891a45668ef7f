/**
 * Test support for Windows code: {@link org.bulwark.windows.testing.HiveBuilder} writes real registry hive files
 * (REGF) in every layout Windows uses, {@link org.bulwark.windows.testing.Hivex} merges {@code .reg} text into a
 * hive with hivexregedit, {@link org.bulwark.windows.testing.PolWriter} writes Registry.pol files and
 * {@link org.bulwark.windows.testing.PolicyBlobs} the SAM and SECURITY policy values,
 * {@link org.bulwark.windows.testing.WindowsImages} whole mounted volumes for named scenarios and
 * {@link org.bulwark.windows.testing.Allocations} counts a thread's allocated bytes. Used by test fragments only.
 */
@Export
@Version("1.1.0")
package org.bulwark.windows.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
