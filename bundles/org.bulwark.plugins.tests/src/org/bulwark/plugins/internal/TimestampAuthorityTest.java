package org.bulwark.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timestamps as jarsigner makes them ({@code -tsa}, RFC 3161) from a {@link TimestampAuthority} run by the test,
 * read back by {@link JarVerifier} 40 days later, when the signer's certificate has expired (issue 16,
 * "Hardening"). jarsigner itself refuses an authority without the critical time-stamping key usage, so the
 * authorities here all have it; {@link TimestampTest} dates signatures by certificates that lack it.
 */
class TimestampAuthorityTest {

    @TempDir
    static Path dir;

    static Signing signing;
    static Set<X509Certificate> trusted;
    static Path vendor;
    static Path tsa;

    private final Instant now = Instant.now();
    /** A verifier of 40 days from now, when Vendor's certificate (valid 19 more days) has expired. */
    private JarVerifier later;

    @BeforeAll
    static void keys() throws Exception {
        signing = new Signing(dir);
        // every key of the class in one batch of keytool commands
        Path caPem = signing.together(() -> {
            Path ca = signing.authority("ca", "CN=TSA Test CA", "-startdate", "-1d", "-validity", "120");
            vendor = signing.issued("Vendor", ca, "-startdate", "-1d", "-validity", "20");
            tsa = signing.issued("TSA", ca, "-startdate", "-1d", "-validity", "120", "-ext", "EKU:c=timeStamping");
            signing.keystore("Rogue", "-startdate", "-1d", "-validity", "120", "-ext", "EKU:c=timeStamping");
            // a trusted certificate for time stamping and code signing
            signing.issued("Mixed", ca, "-startdate", "-1d", "-validity", "20", "-ext",
                    "EKU:c=timeStamping,codeSigning");
            // a trusted time-stamping certificate whose key also signs the jar
            signing.issued("Selfie", ca, "-startdate", "-1d", "-validity", "20", "-ext", "EKU:c=timeStamping");
            return signing.export(ca, "ca", "ca.pem");
        });
        trusted = JarVerifier.load(caPem, null);
    }

    private JarVerifier later() {
        if (later == null) {
            later = new JarVerifier(trusted, Clock.fixed(now.plus(Duration.ofDays(40)), ZoneOffset.UTC));
        }
        return later;
    }

    private static String expired(String name) throws Exception {
        X509Certificate c;
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".pem"))) {
            c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        return "the certificate of CN=" + name + " expired on " + c.getNotAfter().toInstant()
                + " and no trusted timestamp shows the jar was signed before";
    }

    /** @return a new plug-in jar signed with {@code alias} of {@code store} and stamped by {@code authority} */
    private static Path stamped(String name, Path store, String alias, TimestampAuthority authority)
            throws Exception {
        return signing.sign(signing.plugin(name, "test." + name.replace(".jar", "")), store, alias, "-tsa",
                authority.url());
    }

    @Test
    void aTimestampOfATrustedTsaCoversAnExpiredSigner() throws Exception {
        assertEquals(expired("Vendor"),
                later().refusal(signing.sign(signing.plugin("plain.jar", "test.plain"), vendor, "Vendor")));
        try (TimestampAuthority authority = new TimestampAuthority(tsa, "TSA")) {
            Path jar = stamped("stamped.jar", vendor, "Vendor", authority);
            assertNull(new JarVerifier(trusted).refusal(jar));
            assertNull(later().refusal(jar));
        }
    }

    @Test
    void aTimestampOfAnUntrustedTsaOrOfTheSignersOwnKeyDoesNotCoverIt() throws Exception {
        Path rogue = dir.resolve("Rogue.p12");
        try (TimestampAuthority authority = new TimestampAuthority(rogue, "Rogue")) {
            assertEquals(expired("Vendor"), later().refusal(stamped("rogue.jar", vendor, "Vendor", authority)));
        }
        // a trusted certificate for time stamping and code signing
        Path mixed = dir.resolve("Mixed.p12");
        try (TimestampAuthority authority = new TimestampAuthority(mixed, "Mixed")) {
            assertEquals(expired("Vendor"), later().refusal(stamped("mixed.jar", vendor, "Vendor", authority)));
            assertEquals(expired("Mixed"), later().refusal(stamped("mixed-self.jar", mixed, "Mixed", authority)));
        }
        // a trusted time-stamping certificate whose key also signs the jar
        Path selfie = dir.resolve("Selfie.p12");
        try (TimestampAuthority authority = new TimestampAuthority(selfie, "Selfie")) {
            assertEquals(expired("Selfie"), later().refusal(stamped("selfie.jar", selfie, "Selfie", authority)));
        }
    }

    @Test
    void aTimestampOutsideTheSignersValidityDoesNotCoverIt() throws Exception {
        try (TimestampAuthority authority = new TimestampAuthority(tsa, "TSA")) {
            authority.time = now.plus(Duration.ofDays(30)); // after Vendor expired
            assertEquals(expired("Vendor"), later().refusal(stamped("late.jar", vendor, "Vendor", authority)));
            authority.time = now.minus(Duration.ofHours(36)); // before Vendor was valid: judged now
            Path early = stamped("early.jar", vendor, "Vendor", authority);
            assertNull(new JarVerifier(trusted).refusal(early));
            assertEquals(expired("Vendor"), later().refusal(early));
        }
    }
}
