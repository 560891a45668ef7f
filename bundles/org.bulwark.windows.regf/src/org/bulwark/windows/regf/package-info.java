/**
 * A read-only reader of Windows registry hive files (REGF, the files under {@code Windows/System32/config} and
 * {@code NTUSER.DAT}): {@link org.bulwark.windows.regf.Hive} opens a file or parses bytes,
 * {@link org.bulwark.windows.regf.HiveKey} and {@link org.bulwark.windows.regf.HiveValue} are its keys and values.
 *
 * <p>Hives are untrusted input: every read is bounds-checked, subkey lists are guarded against loops and excessive
 * depth, and nothing is allocated beyond the size of the file. A corrupt or truncated hive gives a
 * {@link org.bulwark.windows.regf.HiveException} naming the file and the offset, never a runtime exception or a hang.
 * Keys are decoded on demand, so opening a large hive costs little.
 *
 * <p>This package is versioned semantically. Its types are created by Bulwark's code; no one implements them.
 */
@Export
@Version("1.0.0")
package org.bulwark.windows.regf;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
