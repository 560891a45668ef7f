package org.bulwark.plugins.internal;

import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Timestamp;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a jar signer is trusted: its certificate is one of the trusted set (a pinned signer), or its
 * certificate path validates with PKIX up to a trusted certificate as trust anchor (a CA that issued it, directly
 * or through the intermediates in the signature block). Each certificate must be valid at the time of signing as
 * a trusted timestamp proves it ({@link #signingTime}), else now. Revocation is not checked (no network). Only the
 * signer's own certificates count: certificates merely carried in the signature block are trusted only through a
 * valid signature chain. Immutable and thread-safe.
 */
final class SignerTrust {

    /** id-kp-timeStamping, the extended key usage of a time-stamping authority. */
    static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

    private final Set<X509Certificate> trusted;
    private final Set<TrustAnchor> anchors = new LinkedHashSet<>();

    SignerTrust(Set<X509Certificate> trusted) {
        this.trusted = Set.copyOf(trusted);
        for (X509Certificate c : this.trusted) {
            anchors.add(new TrustAnchor(c, null));
        }
    }

    /** @return {@code null} when {@code signer} is trusted at {@code now} (or at its timestamp), else why not */
    String refusal(CodeSigner signer, Date now) {
        List<X509Certificate> chain = x509(signer.getSignerCertPath());
        if (chain.isEmpty()) {
            return "its signature carries no X.509 certificate";
        }
        Date signed = signingTime(signer.getTimestamp(), chain.get(0), now);
        return validate(chain, signed != null ? signed : now);
    }

    /**
     * The time a timestamp proves the signature existed at, if it proves one. A timestamp counts only when all of
     * these hold, else the signer is judged now, as if it had none:
     * <ul>
     * <li>its signer is a time-stamping authority: the certificate's extended key usage is critical and names
     * id-kp-timeStamping as its only purpose (RFC 3161, 2.3), so that a code-signing key, even a trusted one,
     * cannot date signatures;</li>
     * <li>it is not signed with the code signer's own key (a key cannot vouch for the time of its own
     * signatures);</li>
     * <li>the authority's certificate is pinned or its path validates with PKIX to the trusted certificates, at
     * the time stamped;</li>
     * <li>that time lies within the validity of the signer's certificate {@code leaf}, and is not after
     * {@code now} (a stamp from the future would let a signer not yet valid pass).</li>
     * </ul>
     *
     * @return the time stamped, or {@code null} when {@code stamp} is {@code null} or does not count
     */
    Date signingTime(Timestamp stamp, X509Certificate leaf, Date now) {
        if (stamp == null) {
            return null;
        }
        List<X509Certificate> authority = x509(stamp.getSignerCertPath());
        Date at = stamp.getTimestamp();
        if (authority.isEmpty() || at.after(now) || !timeStamping(authority.get(0))
                || authority.get(0).getPublicKey().equals(leaf.getPublicKey())
                || validate(authority, at) != null || dated(leaf, at) != null) {
            return null;
        }
        return at;
    }

    /** @return whether {@code c} is a time-stamping authority's certificate (RFC 3161, 2.3) */
    static boolean timeStamping(X509Certificate c) {
        Set<String> critical = c.getCriticalExtensionOIDs();
        if (critical == null || !critical.contains(EXTENDED_KEY_USAGE)) {
            return false;
        }
        try {
            return List.of(TIME_STAMPING).equals(c.getExtendedKeyUsage());
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** @return {@code null} when {@code chain} (leaf first) is trusted at {@code at}, else why not */
    private String validate(List<X509Certificate> chain, Date at) {
        X509Certificate leaf = chain.get(0);
        if (trusted.contains(leaf)) {
            return dated(leaf, at);
        }
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (trusted.contains(c) && !path.isEmpty()) {
                break; // the anchor itself is not part of a PKIX path
            }
            path.add(c);
        }
        while (path.size() > 1 && selfSigned(path.get(path.size() - 1))) {
            path.remove(path.size() - 1); // a root the signer carries is no anchor; it cannot be in the path
        }
        if (anchors.isEmpty()) {
            return untrusted(leaf);
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return null;
        } catch (CertPathValidatorException e) {
            if ((e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID)
                    && e.getIndex() >= 0 && e.getIndex() < path.size()) {
                String dated = dated(path.get(e.getIndex()), at);
                if (dated != null) {
                    return dated;
                }
            }
            return untrusted(leaf);
        } catch (InvalidAlgorithmParameterException e) {
            return untrusted(leaf);
        } catch (GeneralSecurityException e) {
            return "its signer's certificates cannot be checked (" + e.getMessage() + ")";
        }
    }

    private static String untrusted(X509Certificate leaf) {
        return "it is signed by " + leaf.getSubjectX500Principal().getName() + ", which is not a trusted signer";
    }

    /** @return {@code null} when {@code c} is valid at {@code at}, else why not */
    private static String dated(X509Certificate c, Date at) {
        try {
            c.checkValidity(at);
            return null;
        } catch (CertificateExpiredException e) {
            return "the certificate of " + c.getSubjectX500Principal().getName() + " expired on "
                    + c.getNotAfter().toInstant() + " and no trusted timestamp shows the jar was signed before";
        } catch (CertificateNotYetValidException e) {
            return "the certificate of " + c.getSubjectX500Principal().getName() + " is not valid before "
                    + c.getNotBefore().toInstant();
        }
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<X509Certificate> x509(CertPath path) {
        List<X509Certificate> out = new ArrayList<>();
        if (path != null) {
            for (Certificate c : path.getCertificates()) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
        }
        return out;
    }
}
