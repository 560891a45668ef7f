package org.bulwark.cli.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code bulwark --version}: the release, which is the version of the products and features and of this bundle
 * (its qualifier, the build's time stamp, on a line of its own), e.g. {@code Bulwark 1.0.0} and
 * {@code build v20261203-0829}.
 */
final class ReleaseVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Bundle b = FrameworkUtil.getBundle(ReleaseVersion.class);
        Version v = b == null ? Version.emptyVersion : b.getVersion();
        String release = "Bulwark " + v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        return v.getQualifier().isEmpty() ? new String[] { release }
                : new String[] { release, "build " + v.getQualifier() };
    }
}
