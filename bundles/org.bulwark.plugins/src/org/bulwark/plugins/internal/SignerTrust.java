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
 * a timestamp proves it (when the timestamp's own path validates to a trusted certificate), else now. Revocation
 * is not checked (no network). Only the signer's own certificates count: certificates merely carried in the
 * signature block are trusted only through a valid signature chain. Immutable and thread-safe.
 */
final class SignerTrust {

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
        Timestamp stamp = signer.getTimestamp();
        Date at = stamp != null && validate(x509(stamp.getSignerCertPath()), stamp.getTimestamp()) == null
                ? stamp.getTimestamp() : now;
        return validate(chain, at);
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
