package org.bulwark.collector.windows.security.internal;

/** The collector TCK for windows.network. */
class NetworkContractTest extends ImageContract {
    @Override
    protected String collectorId() {
        return "windows.network";
    }
}
