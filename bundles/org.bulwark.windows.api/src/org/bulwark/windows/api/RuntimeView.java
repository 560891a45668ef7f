package org.bulwark.windows.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Facts that exist only on the running system. For an offline image each is {@link FactState#UNAVAILABLE} with
 * the reason {@value #OFFLINE}. Never throws. Thread-safe.
 */
@ProviderType
public interface RuntimeView {

    /** The reason given offline. */
    String OFFLINE = "runtime state is not in an offline image";

    /** @return whether the service {@code name} runs (1) or not (0) */
    PolicyFact serviceRunning(String name);

    /** @return the BitLocker protection status of volume {@code volume} (e.g. {@code C:}): 1 on, 0 off */
    PolicyFact bitLockerProtection(String volume);

    /** @return a Defender engine state, e.g. {@code RealTimeProtectionEnabled}, {@code IsTamperProtected}: 1 or 0 */
    PolicyFact defender(String property);
}
