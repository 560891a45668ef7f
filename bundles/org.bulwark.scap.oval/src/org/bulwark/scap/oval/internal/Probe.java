package org.bulwark.scap.oval.internal;

import org.bulwark.scap.OvalElement;

/** Collects the items of one object type from the target (OVAL's "probe"). */
interface Probe {

    /**
     * @param object the object element (never a {@code set}; filters are applied afterwards)
     * @throws OvalError for a fault that makes the whole object ERROR (or UNKNOWN / NOT_EVALUATED)
     */
    Collected collect(OvalElement object, Run run);
}
