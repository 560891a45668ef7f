package org.bulwark.windows.offline.internal;

import org.bulwark.windows.api.PolicyFact;
import org.bulwark.windows.api.RuntimeView;

/** Runtime state of an image: none, each fact UNAVAILABLE with {@link RuntimeView#OFFLINE}. Stateless. */
final class OfflineRuntime implements RuntimeView {

    @Override
    public PolicyFact serviceRunning(String name) {
        return PolicyFact.unavailable("service " + name, OFFLINE);
    }

    @Override
    public PolicyFact bitLockerProtection(String volume) {
        return PolicyFact.unavailable("BitLocker " + volume, OFFLINE);
    }

    @Override
    public PolicyFact defender(String property) {
        return PolicyFact.unavailable("Defender " + property, OFFLINE);
    }
}
