/**
 * SCAP 1.3 content as Bulwark reads it: {@link org.bulwark.scap.ScapContentReader} reads a source data stream
 * (or a plain XCCDF 1.2 benchmark and OVAL 5.11 definitions file) once, with the JDK's StAX and no DTDs, into the
 * immutable {@link org.bulwark.scap.ScapContent}; malformed content is reported as a
 * {@link org.bulwark.scap.ScapContentException} naming the file, line and element.
 *
 * <p>This package is versioned semantically. The reader is implemented by Bulwark ({@code @ProviderType}); the
 * records are values.
 */
@Export
@Version("1.0.0")
package org.bulwark.scap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
