package org.bulwark.collector.windows.security.internal;

/** The collector TCK for windows.security-controls. */
class SecurityControlsContractTest extends ImageContract {
    @Override
    protected String collectorId() {
        return "windows.security-controls";
    }
}
