package org.bulwark.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * Checks a plug-in jar before it is installed: every entry signed (jarsigner), unchanged since, all by the same
 * signers, and at least one of them trusted ({@link SignerTrust}: a pinned certificate, or a PKIX path to a
 * trusted CA, valid at the time of signing). The jar is read once ({@link #check(Path)}), at most
 * {@value #MAX_BYTES} bytes of a regular file, and what was checked is those bytes: the caller installs them, never
 * the file again, so a jar replaced after the check is not what runs. Both views of the zip are checked, the
 * entries in order ({@link JarInputStream}) and the central directory (what the OSGi framework reads, through
 * {@link JarFile} over a private copy of the bytes), and they must list the same entries, so that no entry hides
 * from one of them. Stateless and thread-safe.
 */
public final class JarVerifier {

    /** The largest plug-in jar read. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    /** The most a jar's entries may hold once inflated, against zip bombs. */
    static final long MAX_INFLATED = 512L * 1024 * 1024;

    /**
     * The outcome of a check: the bytes that were checked, or why the jar is refused.
     *
     * @param bytes   the jar as read and checked, to be installed as they are; {@code null} when refused
     * @param refusal why the jar may not be loaded (for people), or {@code null}
     */
    public record Checked(byte[] bytes, String refusal) {
        static Checked refused(String why) {
            return new Checked(null, why);
        }
    }

    private final SignerTrust trust;
    private final Clock clock;

    public JarVerifier(Set<X509Certificate> trusted) {
        this(trusted, Clock.systemUTC());
    }

    JarVerifier(Set<X509Certificate> trusted, Clock clock) {
        this.trust = new SignerTrust(trusted);
        this.clock = clock;
    }

    /** @return {@code null} when {@code jar} may be loaded, else why not (for people) */
    public String refusal(Path jar) {
        return check(jar).refusal();
    }

    /** Reads {@code jar} once and checks what was read. */
    public Checked check(Path jar) {
        byte[] bytes;
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Checked.refused("it is not a regular file");
            }
            if (attributes.size() > MAX_BYTES) {
                return Checked.refused("it is " + attributes.size() + " bytes, more than the limit of " + MAX_BYTES);
            }
            try (InputStream in = Files.newInputStream(jar)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException e) {
            return Checked.refused("it cannot be read (" + e + ")");
        }
        if (bytes.length > MAX_BYTES) {
            return Checked.refused("it is more than the limit of " + MAX_BYTES + " bytes");
        }
        String why = refusal(bytes);
        return why == null ? new Checked(bytes, null) : Checked.refused(why);
    }

    /** @return {@code null} when the jar {@code bytes} may be loaded, else why not (for people) */
    public String refusal(byte[] bytes) {
        Date now = Date.from(clock.instant());
        Entries stream = new Entries();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes), true)) {
            if (in.getManifest() == null) {
                return "it has no manifest (or not as its first entry)";
            }
            for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                String why = stream.add(e, in);
                if (why != null) {
                    return why;
                }
            }
        } catch (SecurityException e) {
            return "its signature is invalid (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "it cannot be read as a jar (" + e.getMessage() + ")";
        }
        Entries central = new Entries();
        String why = centralDirectory(bytes, central);
        if (why == null && !central.names.equals(stream.names)) {
            Set<String> differ = new java.util.TreeSet<>(central.names);
            differ.addAll(stream.names);
            Set<String> both = new HashSet<>(central.names);
            both.retainAll(stream.names);
            differ.removeAll(both);
            why = "its entries differ between the zip's directory and its contents (" + String.join(", ", differ) + ")";
        }
        if (why == null) {
            why = stream.signers == null ? "it is not signed" : null;
        }
        if (why == null && !stream.signers.equals(central.signers)) {
            why = "its entries are signed differently in the zip's directory and its contents";
        }
        if (why != null) {
            return why;
        }
        String first = null;
        for (CodeSigner s : stream.signers) {
            String r = trust.refusal(s, now);
            if (r == null) {
                return null;
            }
            first = first == null ? r : first;
        }
        return first;
    }

    /** Checks the central directory's view, through {@link JarFile} over a private copy of {@code bytes}. */
    private static String centralDirectory(byte[] bytes, Entries entries) {
        Path copy = null;
        try {
            copy = Files.createTempFile("bulwark-plugin", ".jar"); // owner-only on POSIX systems
            Files.write(copy, bytes);
            try (JarFile file = new JarFile(copy.toFile(), true)) {
                if (file.getManifest() == null) {
                    return "it has no manifest";
                }
                List<JarEntry> all = Collections.list(file.entries());
                Set<String> names = new HashSet<>();
                for (JarEntry e : all) {
                    if (!names.add(e.getName())) {
                        // before any entry is read: a lookup by name finds only one of them, maybe the other
                        return e.getName() + " appears twice";
                    }
                }
                for (JarEntry e : all) {
                    if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || e.getName().equalsIgnoreCase("META-INF/")) {
                        continue; // JarInputStream consumes them (they must come first): no entries there
                    }
                    try (InputStream in = file.getInputStream(e)) {
                        String why = entries.add(e, in);
                        if (why != null) {
                            return why;
                        }
                    }
                }
            }
            return null;
        } catch (SecurityException e) {
            return "its signature is invalid (" + e.getMessage() + ")";
        } catch (IOException e) {
            return "it cannot be read as a jar (" + e.getMessage() + ")";
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // a temporary file left behind; nothing is installed from it
                }
            }
        }
    }

    /** The entries of one view of a jar: their names and the signers all of them share. */
    private static final class Entries {
        final Set<String> names = new HashSet<>();
        Set<CodeSigner> signers;
        long inflated;
        private final byte[] buffer = new byte[8192];

        /** Reads {@code entry} to its end (which verifies its digest) and checks it is signed as the others. */
        String add(JarEntry entry, InputStream data) throws IOException {
            String name = entry.getName();
            if (!names.add(name)) {
                return name + " appears twice";
            }
            try {
                for (int n; (n = data.read(buffer)) >= 0;) {
                    inflated += n;
                    if (inflated > MAX_INFLATED) {
                        return "its entries hold more than " + MAX_INFLATED + " bytes";
                    }
                }
            } catch (SecurityException e) {
                return name + " was modified after the jar was signed (" + e.getMessage() + ")";
            }
            if (entry.isDirectory() || isSignatureFile(name)) {
                return null;
            }
            CodeSigner[] cs = entry.getCodeSigners();
            if (cs == null || cs.length == 0) {
                return signers == null && names.stream().noneMatch(JarVerifier::isSignatureFile)
                        ? "it is not signed" : name + " is not signed (added after signing?)";
            }
            Set<CodeSigner> mine = new LinkedHashSet<>(List.of(cs));
            if (signers == null) {
                signers = mine;
            } else if (!signers.equals(mine)) {
                return name + " is signed by other signers than the jar's other entries";
            }
            return null;
        }
    }

    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0 && (upper.endsWith(".SF")
                || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-"));
    }

    /**
     * Reads trusted certificates: a PEM or DER file of X.509 certificates ({@code .pem}, {@code .crt},
     * {@code .cer}), or a keystore (PKCS12 or JKS) whose certificate entries are trusted. A trusted certificate
     * is either a signer's own (pinned) or a CA's that issued the signer's certificate.
     */
    public static Set<X509Certificate> load(Path file, char[] password) throws IOException, GeneralSecurityException {
        Set<X509Certificate> out = new LinkedHashSet<>();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
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
