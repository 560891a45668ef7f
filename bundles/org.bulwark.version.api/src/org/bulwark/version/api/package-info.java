/**
 * Package versions as the platforms' package managers order them: {@link org.bulwark.version.api.DebianVersion}
 * parses a Debian version with dpkg's syntax rules and compares two with dpkg's algorithm.
 *
 * <p>This package is versioned semantically. Its types are values created by Bulwark's code and its users; no
 * one implements them.
 */
@Export
@Version("1.0.0")
package org.bulwark.version.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
