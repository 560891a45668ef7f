package org.bulwark.testing;

/**
 * The exposure example worked out by hand (docs/scoring.md, "Exposure score"), shared by the command line's and the
 * workbench's tests: a Debian 12 (bookworm) device whose dpkg status ({@link #STATUS}) has openssl and libssl3
 * 3.0.15-1~deb12u1, bsdutils from util-linux 2.38.1-5+deb12u3 and tar; a Debian Security Tracker feed
 * ({@link #TRACKER}) with one fixed CVE for openssl (medium) and util-linux (low**) and tar's never-affected one
 * ({@code fixed_version 0}); the distro-info CSV ({@link #DEBIAN_CSV}); and an EPSS score for the openssl CVE
 * ({@link #EPSS}). The exposure: openssl r = 0.5·(0.3+0.7·0.5) = 0.325, util-linux r = 0.2·0.37 = 0.074,
 * E = 100·(1−0.675·0.926) = 37.495 (MEDIUM); impacts 30.095 and 4.995.
 *
 * @since 1.3
 */
public final class ExposureExample {

    public static final String TRACKER = """
            {"openssl": {"CVE-2024-0001": {"description": "fixed in bookworm-security", "releases": {"bookworm":
              {"status": "resolved", "repositories": {"bookworm-security": "3.0.17-1~deb12u2"},
               "fixed_version": "3.0.17-1~deb12u2", "urgency": "medium"}}}},
             "util-linux": {"CVE-2024-1000": {"releases": {"bookworm": {"status": "resolved",
               "repositories": {"bookworm-security": "2.38.1-5+deb12u4"}, "fixed_version": "2.38.1-5+deb12u4",
               "urgency": "low**"}}}},
             "tar": {"CVE-2005-2541": {"releases": {"bookworm": {"status": "resolved", "repositories": {},
               "fixed_version": "0", "urgency": "unimportant"}}}}}
            """;
    public static final String DEBIAN_CSV = """
            version,codename,series,created,release,eol,eol-lts,eol-elts
            12,Bookworm,bookworm,2021-08-02,2023-06-10,2026-06-10,2028-06-30,2033-06-30
            """;
    public static final String EPSS = """
            #model_version:v2025.03.14,score_date:2026-12-01T00:00:00+0000
            cve,epss,percentile
            CVE-2024-0001,0.50000,0.90000
            """;
    public static final String STATUS = """
            Package: openssl
            Status: install ok installed
            Architecture: amd64
            Version: 3.0.15-1~deb12u1

            Package: libssl3
            Status: install ok installed
            Architecture: amd64
            Source: openssl
            Version: 3.0.15-1~deb12u1

            Package: bsdutils
            Status: install ok installed
            Architecture: amd64
            Source: util-linux (2.38.1-5+deb12u3)
            Version: 1:2.38.1-5+deb12u3

            Package: tar
            Status: install ok installed
            Architecture: amd64
            Version: 1.34+dfsg-1.2+deb12u1
            """;

    private ExposureExample() {
    }
}
