package org.bulwark.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which signers are trusted: a certificate the trusted CA issued, or a pinned signer certificate, valid now;
 * never a certificate that only names the CA as its issuer, even with the CA's real certificate carried in the
 * signature block (issue 16, finding 1). Keys and certificates by keytool, signatures by jarsigner.
 */
class CertificatePathTest {

    @TempDir
    static Path dir;

    static Signing signing;
    static Path ca;
    static Path caPem;
    static Path solo;
    static JarVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        signing = new Signing(dir);
        // every key of the class in one batch of keytool commands
        signing.together(() -> {
            ca = signing.authority("ca", "CN=Bulwark Test CA");
            caPem = signing.export(ca, "ca", "ca.pem");
            solo = signing.keystore("Solo");
            signing.export(solo, "Solo", "solo.pem");
            signing.issued("Acme", ca);
            // Mallory's own CA has the trusted CA's name
            signing.issued("Mallory", signing.authority("fake-ca", "CN=Bulwark Test CA"));
            signing.keystore("Other");
            signing.issued("Old", ca, "-startdate", "-30d", "-validity", "2");
            signing.issued("Early", ca, "-startdate", "+10d", "-validity", "5");
            signing.export(signing.keystore("Lapsed", "-startdate", "-30d", "-validity", "1"), "Lapsed",
                    "lapsed.pem");
            signing.issued("Twice", ca);
            return null;
        });
        // trusted: the CA, and one pinned self-signed signer
        Path trusted = dir.resolve("trusted.pem");
        Files.write(trusted, concat(caPem, dir.resolve("solo.pem")));
        verifier = new JarVerifier(JarVerifier.load(trusted, null));
    }

    /** @return the keystore {@code name.p12} that {@link #keys()} made */
    private static Path store(String name) {
        return dir.resolve(name + ".p12");
    }

    private static byte[] concat(Path... files) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Path f : files) {
            out.write(Files.readAllBytes(f));
        }
        return out.toByteArray();
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** @return the certificates of the signature block of {@code jar}'s {@code content/controls.json} */
    private static List<Certificate> signatureBlock(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            JarEntry e = file.getJarEntry("content/controls.json");
            try (InputStream in = file.getInputStream(e)) {
                in.readAllBytes();
            }
            List<Certificate> out = new ArrayList<>();
            for (CodeSigner s : e.getCodeSigners()) {
                out.addAll(s.getSignerCertPath().getCertificates());
            }
            return out;
        }
    }

    @Test
    void aCertificateTheTrustedCaIssuedIsTrusted() throws Exception {
        Path vendor = store("Acme");
        Path jar = signing.sign(signing.plugin("acme.jar", "test.acme"), vendor, "Acme");
        assertNull(verifier.refusal(jar));
    }

    @Test
    void aForgedChainThatNamesTheTrustedCaIsRefused() throws Exception {
        // Mallory's own CA has the trusted CA's name; it issues Mallory's certificate, whose issuer is therefore
        // "CN=Bulwark Test CA". The signature block carries Mallory's certificate and the REAL trusted CA's.
        Path mallory = store("Mallory");
        Path chain = dir.resolve("forged-chain.pem");
        Files.write(chain, concat(dir.resolve("Mallory.pem"), caPem));
        Path jar = signing.sign(signing.plugin("forged.jar", "test.forged"), mallory, "Mallory", "-certchain",
                chain.toString());

        X509Certificate real = certificate(caPem);
        List<Certificate> block = signatureBlock(jar);
        assertEquals(2, block.size());
        assertEquals(real, block.get(1), "the trusted CA's real certificate is in the signature block");
        assertEquals(real.getSubjectX500Principal(), ((X509Certificate) block.get(0)).getIssuerX500Principal());

        assertEquals("it is signed by CN=Mallory, which is not a trusted signer", verifier.refusal(jar));
    }

    @Test
    void aPinnedSelfSignedSignerIsTrustedAndAnUnpinnedOneIsNot() throws Exception {
        assertNull(verifier.refusal(signing.signed("solo.jar", "test.solo", solo, "Solo")));
        Path other = store("Other");
        assertEquals("it is signed by CN=Other, which is not a trusted signer",
                verifier.refusal(signing.signed("other.jar", "test.other", other, "Other")));
    }

    @Test
    void expiredAndNotYetValidSignersAreRefused() throws Exception {
        Path old = store("Old");
        X509Certificate oldCert = certificate(dir.resolve("Old.pem"));
        assertEquals("the certificate of CN=Old expired on " + oldCert.getNotAfter().toInstant()
                + " and no trusted timestamp shows the jar was signed before",
                verifier.refusal(signing.sign(signing.plugin("old.jar", "test.old"), old, "Old")));

        Path early = store("Early");
        X509Certificate earlyCert = certificate(dir.resolve("Early.pem"));
        assertEquals("the certificate of CN=Early is not valid before " + earlyCert.getNotBefore().toInstant(),
                verifier.refusal(signing.sign(signing.plugin("early.jar", "test.early"), early, "Early")));

        // a pinned signer is held to its dates too
        Path lapsed = store("Lapsed");
        X509Certificate lapsedCert = certificate(dir.resolve("lapsed.pem"));
        JarVerifier pinning = new JarVerifier(Set.of(lapsedCert));
        assertEquals("the certificate of CN=Lapsed expired on " + lapsedCert.getNotAfter().toInstant()
                + " and no trusted timestamp shows the jar was signed before",
                pinning.refusal(signing.signed("lapsed.jar", "test.lapsed", lapsed, "Lapsed")));
    }

    @Test
    void entriesWhoseSignersDifferAreRefused() throws Exception {
        // signed by a CA-issued vendor, an entry added, then signed again by the pinned signer: every entry has
        // a trusted signer, but the added one lacks the first signature
        Path vendor = store("Twice");
        Path first = signing.sign(signing.plugin("twice.jar", "test.twice"), vendor, "Twice");
        Path extended = signing.rewrite(first, "twice-extended.jar", null, "added.txt");
        signing.sign(extended, solo, "Solo");
        assertEquals("added.txt is signed by other signers than the jar's other entries",
                verifier.refusal(extended));
    }

    @Test
    void onlyRegularFilesOfBoundedSizeAreRead() throws Exception {
        assertEquals("it is not a regular file", verifier.refusal(Path.of("/dev/zero")));
        assertEquals("it is not a regular file", verifier.refusal(dir));
        Path huge = dir.resolve("huge.jar");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(JarVerifier.MAX_BYTES + 1L); // sparse: costs no disk
        }
        assertEquals("it is 67108865 bytes, more than the limit of 67108864", verifier.refusal(huge));
        assertTrue(verifier.refusal(dir.resolve("missing.jar")).startsWith("it cannot be read ("));
    }
}
