package org.bulwark.collector.windows.security.internal;

import java.nio.file.Path;

import org.bulwark.collector.tck.CollectorContract;

/** The collector TCK on an image with Group Policy, MDM and local values. */
abstract class ImageContract extends CollectorContract {
    @Override
    protected void prepareRoot(Path root) {
        new Image(root).gpo("Microsoft\\Windows NT\\DNSClient", "EnableMulticast", 0, true)
                .mdm("Defender", "AllowRealtimeMonitoring", 1).system("Control\\Lsa", "RunAsPPL", 1).write();
    }
}
