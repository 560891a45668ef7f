/**
 * Read-only access to a Linux target's files as the programs that use them read them: paths resolved
 * below the target root (symbolic links included), and parsers that return the <em>effective</em> value of
 * a setting together with the file and line that set it.
 *
 * <p>Every parser is a pure function of the files below a root directory: it never runs a command, never
 * writes, and never throws on bad input. A file that cannot be read becomes an {@code UNREADABLE}
 * observation naming the file and the reason; a malformed line becomes an {@code UNPARSEABLE} observation
 * naming {@code file:line}.
 *
 * <p>The target's files are untrusted: {@link org.bulwark.linux.TargetFiles} resolves every path below the root
 * by hand and opens only regular files, with a size bound.
 *
 * <p>2.0.0: {@code DebianVersion} moved to {@code org.bulwark.version.api}; {@code TargetFiles.resolve},
 * {@code exists}, {@code linkTarget} and {@code SystemdUnits.unitFile} throw {@code UnreadableException} for a
 * link loop; {@code TargetFiles.readBytes}, {@code isRegularFile} and {@code isDirectory} were added.
 *
 * <p>2.1.0: {@code LinuxCollector}, the id/category/provides part shared by the Linux collectors, and
 * {@code TextFile.content} with {@code TextFile.Line}, the non-blank, non-comment lines every parser reads.
 *
 * <p>2.2.0: {@code DpkgStatus.inventory}, keyed by {@code DpkgStatus.Key} (name, architecture), and the source
 * package of every {@code DpkgStatus.Package} ({@code sourceName}, {@code sourceVersion}).
 */
@Export
@Version("2.2.0")
package org.bulwark.linux;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
