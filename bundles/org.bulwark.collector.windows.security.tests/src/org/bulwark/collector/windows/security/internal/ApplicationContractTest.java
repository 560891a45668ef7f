package org.bulwark.collector.windows.security.internal;

/** The collector TCK for windows.application. */
class ApplicationContractTest extends ImageContract {
    @Override
    protected String collectorId() {
        return "windows.application";
    }
}
