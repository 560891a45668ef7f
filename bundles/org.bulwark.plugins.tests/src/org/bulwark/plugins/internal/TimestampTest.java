package org.bulwark.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.Timestamp;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a timestamp shows that an expired (or not yet valid) signer signed in time (issue 16, "Hardening"): only a
 * timestamp of a trusted time-stamping authority (critical extended key usage id-kp-timeStamping only, a key other
 * than the signer's, a path to the trusted certificates) at a time within the signer's validity. Certificates by
 * keytool; the signers and timestamps are what {@link java.util.jar.JarFile} hands the verifier
 * ({@link CodeSigner}, {@link Timestamp}), made here so that any time can be stamped. {@code TimestampAuthorityTest}
 * runs jarsigner against a time-stamping authority.
 */
class TimestampTest {

    @TempDir
    static Path dir;

    static X509Certificate caCert;
    static SignerTrust trust;
    static X509Certificate old;

    private final Instant now = Instant.now();

    @BeforeAll
    static void keys() throws Exception {
        Signing signing = new Signing(dir);
        // every key of the class in one batch of keytool commands
        signing.together(() -> {
            Path ca = signing.authority("ca", "CN=Timestamp Test CA", "-startdate", "-60d", "-validity", "120");
            signing.export(ca, "ca", "ca.pem");
            // the code signer: valid from 30 days ago for 2 days
            signing.issued("Old", ca, "-startdate", "-30d", "-validity", "2");
            // a time-stamping authority, and certificates that are none
            signing.issued("TSA", ca, "-startdate", "-60d", "-validity", "120", "-ext", "EKU:c=timeStamping");
            signing.issued("Plain", ca, "-startdate", "-60d", "-validity", "120");
            signing.issued("Loose", ca, "-startdate", "-60d", "-validity", "120", "-ext", "EKU=timeStamping");
            signing.issued("Mixed", ca, "-startdate", "-60d", "-validity", "120", "-ext",
                    "EKU:c=timeStamping,codeSigning");
            signing.issued("Selfie", ca, "-startdate", "-30d", "-validity", "2", "-ext", "EKU:c=timeStamping");
            signing.issued("LateTSA", ca, "-startdate", "-10d", "-validity", "60", "-ext", "EKU:c=timeStamping");
            signing.issued("Fresh", ca, "-startdate", "-1d", "-validity", "20");
            signing.issued("Soon", ca, "-startdate", "+5d", "-validity", "10");
            signing.keystore("Rogue", "-startdate", "-60d", "-validity", "120", "-ext", "EKU:c=timeStamping");
            signing.export(dir.resolve("Rogue.p12"), "Rogue", "Rogue.pem");
            return null;
        });
        caCert = certificate(dir.resolve("ca.pem"));
        trust = new SignerTrust(Set.of(caCert));
        old = certificate(dir.resolve("Old.pem"));
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** @return {@code name}'s certificate path as a signature block carries it: with the CA's, if it issued it */
    private static CertPath path(String name) throws Exception {
        X509Certificate leaf = certificate(dir.resolve(name + ".pem"));
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        if (!leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal())) {
            chain.add(caCert);
        }
        return CertificateFactory.getInstance("X.509").generateCertPath(chain);
    }

    /** @return {@code name} as a jar's signer, stamped by {@code authority} (or not) {@code daysAgo} (< 0: ahead) */
    private static CodeSigner signer(String name, String authority, Instant now, int daysAgo) throws Exception {
        Timestamp stamp = authority == null ? null
                : new Timestamp(Date.from(now.minus(Duration.ofDays(daysAgo))), path(authority));
        return new CodeSigner(path(name), stamp);
    }

    private String refusal(CodeSigner signer) {
        return trust.refusal(signer, Date.from(now));
    }

    private static String expired(X509Certificate c) {
        return "the certificate of " + c.getSubjectX500Principal().getName() + " expired on "
                + c.getNotAfter().toInstant() + " and no trusted timestamp shows the jar was signed before";
    }

    @Test
    void aTrustedTimestampCoversAnExpiredSigner() throws Exception {
        assertEquals(expired(old), refusal(signer("Old", null, now, 0)));
        assertNull(refusal(signer("Old", "TSA", now, 29)));
    }

    @Test
    void aTimestampBySomethingThatIsNoTsaDoesNotCoverIt() throws Exception {
        // the code-signing key dating its own signature
        assertEquals(expired(old), refusal(signer("Old", "Old", now, 29)));
        // a trusted certificate without the extended key usage, with it not critical, or with another purpose too
        assertEquals(expired(old), refusal(signer("Old", "Plain", now, 29)));
        assertEquals(expired(old), refusal(signer("Old", "Loose", now, 29)));
        assertEquals(expired(old), refusal(signer("Old", "Mixed", now, 29)));
        // a time-stamping authority nobody trusts
        assertEquals(expired(old), refusal(signer("Old", "Rogue", now, 29)));
        // a signer whose own certificate says time stamping still cannot date its own signatures
        X509Certificate selfie = certificate(dir.resolve("Selfie.pem"));
        assertEquals(expired(selfie), refusal(signer("Selfie", "Selfie", now, 29)));
        assertEquals(expired(selfie), refusal(signer("Selfie", "Old", now, 29)));
    }

    @Test
    void aTimestampOutsideTheSignersValidityDoesNotCoverIt() throws Exception {
        // stamped after the signer expired
        assertEquals(expired(old), refusal(signer("Old", "TSA", now, 10)));
        // stamped before the signer's certificate was valid: judged now, when it is valid
        assertNull(refusal(signer("Fresh", "TSA", now, 5)));
        // stamped before the authority's own certificate was valid
        assertEquals(expired(old), refusal(signer("Old", "LateTSA", now, 29)));
        // stamped in the future, when a signer not valid yet will be
        X509Certificate soon = certificate(dir.resolve("Soon.pem"));
        assertEquals("the certificate of CN=Soon is not valid before " + soon.getNotBefore().toInstant(),
                refusal(signer("Soon", "TSA", now, -7)));
    }
}
