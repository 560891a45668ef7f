package org.bulwark.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks that every entry of a plug-in jar is signed (jarsigner), unchanged since, and signed by a certificate
 * of the trusted set. Stateless and thread-safe.
 */
public final class JarVerifier {

    private final Set<X509Certificate> trusted;

    public JarVerifier(Set<X509Certificate> trusted) {
        this.trusted = Set.copyOf(trusted);
    }

    /** @return {@code null} when {@code jar} may be loaded, else why not (for people) */
    public String refusal(Path jar) {
        Set<X509Certificate> signers = null;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            if (file.getManifest() == null) {
                return "it has no manifest";
            }
            byte[] buffer = new byte[8192];
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end verifies the entry's digest
                    }
                } catch (SecurityException e) {
                    return entry.getName() + " was modified after the jar was signed (" + e.getMessage() + ")";
                }
                if (isSignatureFile(entry.getName())) {
                    continue;
                }
                CodeSigner[] cs = entry.getCodeSigners();
                if (cs == null || cs.length == 0) {
                    return signers == null && !hasSignature(file) ? "it is not signed"
                            : entry.getName() + " is not signed (added after signing?)";
                }
                Set<X509Certificate> entrySigners = new LinkedHashSet<>();
                for (CodeSigner s : cs) {
                    List<? extends Certificate> chain = s.getSignerCertPath().getCertificates();
                    for (Certificate c : chain) {
                        if (c instanceof X509Certificate x) {
                            entrySigners.add(x);
                        }
                    }
                }
                signers = signers == null ? entrySigners : signers;
                if (entrySigners.stream().noneMatch(trusted::contains)) {
                    X509Certificate first = (X509Certificate) cs[0].getSignerCertPath().getCertificates().get(0);
                    return "it is signed by " + first.getSubjectX500Principal().getName()
                            + ", which is not a trusted signer";
                }
            }
        } catch (SecurityException e) {
            return "its signature is invalid (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "it cannot be read as a jar (" + e.getMessage() + ")";
        }
        return signers == null ? "it is not signed" : null;
    }

    private static boolean hasSignature(JarFile file) {
        return Collections.list(file.entries()).stream().anyMatch(e -> isSignatureFile(e.getName())
                && !e.getName().equals("META-INF/MANIFEST.MF"));
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.equals("META-INF/MANIFEST.MF") || (upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                        || upper.startsWith("META-INF/SIG-")));
    }

    /**
     * Reads trusted certificates: a PEM or DER file of X.509 certificates ({@code .pem}, {@code .crt},
     * {@code .cer}), or a keystore (PKCS12 or JKS) whose certificate entries are trusted.
     */
    public static Set<X509Certificate> load(Path file, char[] password) throws IOException, GeneralSecurityException {
        Set<X509Certificate> out = new LinkedHashSet<>();
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    out.add((X509Certificate) c);
                }
            }
        } else {
            KeyStore store = KeyStore.getInstance(file.toFile(), password);
            List<String> aliases = new ArrayList<>();
            for (Enumeration<String> e = store.aliases(); e.hasMoreElements();) {
                aliases.add(e.nextElement());
            }
            for (String alias : aliases) {
                Certificate c = store.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
        }
        return out;
    }
}
