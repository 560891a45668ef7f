package org.bulwark.windows.api;

import java.util.Locale;
import java.util.Objects;

/**
 * The Windows edition and build, from {@code SOFTWARE\Microsoft\Windows NT\CurrentVersion}. Windows 11 still
 * writes {@code ProductName} "Windows 10 …", so the release is told by the build: client builds from 22000 are
 * Windows 11; servers are told apart by their build (14393 = 2016, 17763 = 2019, 20348 = 2022, 26100 = 2025).
 *
 * @param productName      {@code ProductName}, e.g. {@code Windows 10 Pro}; empty if unknown
 * @param currentBuild     {@code CurrentBuild(Number)}, e.g. 22631; 0 if unknown
 * @param ubr              {@code UBR}, the update build revision; 0 if unknown
 * @param displayVersion   {@code DisplayVersion} (or {@code ReleaseId}), e.g. {@code 23H2}; empty if unknown
 * @param installationType {@code InstallationType}: {@code Client}, {@code Server}, {@code Server Core}; empty if
 *                         unknown
 * @param editionId        {@code EditionID}, e.g. {@code Professional}, {@code ServerStandard}; empty if unknown
 */
public record WindowsEdition(String productName, int currentBuild, int ubr, String displayVersion,
        String installationType, String editionId) {

    /** The releases Bulwark tells apart. */
    public enum Release {
        CLIENT_10("10", "Windows 10"),
        CLIENT_11("11", "Windows 11"),
        SERVER_2016("server-2016", "Windows Server 2016"),
        SERVER_2019("server-2019", "Windows Server 2019"),
        SERVER_2022("server-2022", "Windows Server 2022"),
        SERVER_2025("server-2025", "Windows Server 2025"),
        UNKNOWN("", "Windows");

        private final String versionId;
        private final String title;

        Release(String versionId, String title) {
            this.versionId = versionId;
            this.title = title;
        }

        /** @return the version id as in platform facts, e.g. {@code 11} or {@code server-2022}; empty if unknown */
        public String versionId() {
            return versionId;
        }

        /** @return the release's name, e.g. {@code Windows Server 2022} */
        public String title() {
            return title;
        }
    }

    public WindowsEdition {
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(displayVersion, "displayVersion");
        Objects.requireNonNull(installationType, "installationType");
        Objects.requireNonNull(editionId, "editionId");
    }

    /** @return whether this is a server edition (by InstallationType, else EditionID or ProductName) */
    public boolean server() {
        String type = installationType.toLowerCase(Locale.ROOT);
        if (!type.isEmpty()) {
            return type.startsWith("server");
        }
        return editionId.toLowerCase(Locale.ROOT).startsWith("server")
                || productName.toLowerCase(Locale.ROOT).contains("server");
    }

    /** @return the release, told by the build; {@link Release#UNKNOWN} without a build */
    public Release release() {
        if (currentBuild <= 0) {
            return Release.UNKNOWN;
        }
        if (server()) {
            if (currentBuild >= 26100) {
                return Release.SERVER_2025;
            }
            if (currentBuild >= 20348) {
                return Release.SERVER_2022;
            }
            if (currentBuild >= 17763) {
                return Release.SERVER_2019;
            }
            return currentBuild >= 14393 ? Release.SERVER_2016 : Release.UNKNOWN;
        }
        if (currentBuild >= 22000) {
            return Release.CLIENT_11;
        }
        return currentBuild >= 10240 ? Release.CLIENT_10 : Release.UNKNOWN;
    }

    /**
     * @return the name for people: ProductName with "Windows 10" corrected to "Windows 11" on a build of 11 (and the
     *         server year corrected likewise), plus the display version and build, e.g.
     *         {@code Windows 11 Pro 23H2 (build 22631.4460)}
     */
    public String displayName() {
        Release r = release();
        String name = productName.isEmpty() ? r.title() : productName;
        if (r == Release.CLIENT_11) {
            name = name.replace("Windows 10", "Windows 11");
        } else if (r.name().startsWith("SERVER_")) {
            name = name.replaceFirst("Windows Server 20[0-9][0-9]", r.title());
        }
        StringBuilder out = new StringBuilder(name);
        if (!displayVersion.isEmpty()) {
            out.append(' ').append(displayVersion);
        }
        if (currentBuild > 0) {
            out.append(" (build ").append(currentBuild);
            if (ubr > 0) {
                out.append('.').append(ubr);
            }
            out.append(')');
        }
        return out.toString();
    }
}
