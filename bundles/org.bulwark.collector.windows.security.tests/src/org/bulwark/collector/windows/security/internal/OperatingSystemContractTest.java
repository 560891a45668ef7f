package org.bulwark.collector.windows.security.internal;

/** The collector TCK for windows.operating-system. */
class OperatingSystemContractTest extends ImageContract {
    @Override
    protected String collectorId() {
        return "windows.operating-system";
    }
}
