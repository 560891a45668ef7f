package org.bulwark.operations.api;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens the store for one piece of work; the caller closes what it returns. Front ends that keep a store open (a
 * server) give one whose store's {@code close()} does nothing; the command line and the workbench open per call,
 * because an embedded H2 database is locked while open ({@link Locations#opener(Location)}).
 */
@ConsumerType
@FunctionalInterface
public interface StoreOpener {

    /** @return an open store */
    AssessmentStore open() throws StoreException;
}
