/**
 * The software inventory SPI: what a plug-in implements to list the software installed on a device (dpkg
 * packages on Debian and Ubuntu; later the Uninstall keys of a Windows image).
 *
 * <p>An {@link org.bulwark.collector.api.inventory.InventoryProvider} is an OSGi service, tracked like a
 * {@link org.bulwark.collector.api.Collector} and called under the same {@link org.bulwark.collector.api.AssessmentContext}
 * (root, deadline, cancellation). It returns a {@link org.bulwark.collector.api.inventory.SoftwareInventory}:
 * either the {@link org.bulwark.collector.api.inventory.SoftwareItem}s it read, or why none could be read
 * (no package database on this target, or a database that cannot be read), so that "nothing installed" and
 * "not known" never look alike.
 *
 * <p>This package is versioned semantically. {@code InventoryProvider} is a consumer type: third parties
 * implement it, so adding a method to it is a major change. The records are created by providers and read by
 * Bulwark.
 */
@Export
@Version("1.0.0")
package org.bulwark.collector.api.inventory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
