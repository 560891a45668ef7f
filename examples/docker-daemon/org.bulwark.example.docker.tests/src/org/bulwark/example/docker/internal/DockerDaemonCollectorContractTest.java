package org.bulwark.example.docker.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bulwark.collector.tck.CollectorContract;

/** The Bulwark collector TCK, run on the DS component as OSGi registers it. */
class DockerDaemonCollectorContractTest extends CollectorContract {

    @Override
    protected String collectorId() {
        return "docker.daemon";
    }

    @Override
    protected void prepareRoot(Path root) throws IOException {
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/dockerd"), "#!/bin/sh\n");
        Files.createDirectories(root.resolve("etc/docker"));
        Files.writeString(root.resolve("etc/docker/daemon.json"), """
                {"icc": false, "no-new-privileges": true, "hosts": ["unix:///var/run/docker.sock"]}
                """);
    }
}
