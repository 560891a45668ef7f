package org.bulwark.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends an assessment to a fleet server ({@code POST /api/assessments}) over HTTP or HTTPS, as the upload document
 * ({@code ReportFormat.UPLOAD}, gzip-compressed). Network failures and
 * 5xx answers are retried (three attempts) with the same {@code Upload-Id}, so the server stores the assessment
 * once; a TLS handshake that fails (an untrusted certificate) is not retried. HTTPS trusts the JDK's trust store,
 * or only the certificates of {@code --upload-truststore}.
 */
final class Uploader {

    private static final int ATTEMPTS = 3;

    private Uploader() {
    }

    /** The environment variable with the password of a PKCS12 or JKS {@code --upload-truststore}. */
    static final String TRUSTSTORE_PASSWORD = "BULWARK_UPLOAD_TRUSTSTORE_PASSWORD";

    static void upload(URI server, String token, byte[] document, PrintWriter err) {
        upload(server, token, document, null, err);
    }

    /**
     * Reads trusted certificates for HTTPS uploads: a PEM file of certificates, or a PKCS12 or JKS keystore (password
     * from {@link #TRUSTSTORE_PASSWORD}) whose certificates are trusted.
     *
     * @return an SSL context that trusts those certificates only
     * @throws CliException ({@link ExitCodes#USAGE}) naming the file when it cannot be used
     */
    static SSLContext trusting(Path file) {
        List<Certificate> certificates = new ArrayList<>();
        try {
            byte[] bytes = InputFiles.read(file);
            if (new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
                certificates.addAll(CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(bytes)));
            } else {
                String password = System.getenv(TRUSTSTORE_PASSWORD);
                KeyStore store;
                try {
                    store = KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
                } catch (IOException | GeneralSecurityException e) {
                    throw new CliException(ExitCodes.USAGE, "upload truststore " + file + " is neither PEM "
                            + "certificates nor a keystore that opens with $" + TRUSTSTORE_PASSWORD + ": "
                            + e.getMessage());
                }
                for (String alias : Collections.list(store.aliases())) {
                    Certificate c = store.getCertificate(alias);
                    if (c != null) {
                        certificates.add(c);
                    }
                }
            }
            if (certificates.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "upload truststore " + file + " holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                trust.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read upload truststore " + file + ": " + e);
        } catch (GeneralSecurityException e) {
            throw new CliException(ExitCodes.USAGE, "upload truststore " + file + " cannot be used: "
                    + e.getMessage());
        }
    }

    /** @return {@code document} gzip-compressed: an upload with its evidence shrinks about fivefold on the wire */
    static byte[] gzip(byte[] document) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(document.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /** @param trust the certificates an HTTPS server may present, {@code null} for the JDK's trust store */
    static void upload(URI server, String token, byte[] document, SSLContext trust, PrintWriter err) {
        Sent sent = send(server, token, document, UUID.randomUUID().toString(), trust, ATTEMPTS);
        if (!sent.ok()) {
            throw new CliException(ExitCodes.IO, "the report was written, but the upload to " + sent.target()
                    + " failed: " + sent.failure());
        }
        err.println("bulwark: uploaded to " + sent.target() + ": " + sent.body());
    }

    /**
     * What a server answered an upload.
     *
     * @param status  the last HTTP status, 0 when no answer came (a network or TLS failure)
     * @param body    the last answer's body, or {@code ""}
     * @param failure why it failed, {@code null} when it was stored (or recognized as a repeat)
     */
    record Sent(URI target, int status, String body, String failure) {
        boolean ok() {
            return failure == null;
        }

        /** @return whether sending it again, unchanged, can never succeed (the server refused the document) */
        boolean refusedForGood() {
            return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
        }
    }

    /**
     * Sends one upload document with {@code uploadId}: network failures and 5xx answers are tried again, up to
     * {@code attempts} times in all, with the same id, so the server stores it once.
     */
    static Sent send(URI server, String token, byte[] document, String uploadId, SSLContext trust, int attempts) {
        String base = server.toString().replaceAll("/+$", "");
        URI target = URI.create(base.endsWith("/api/assessments") ? base : base + "/api/assessments");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (trust != null) {
            builder.sslContext(trust);
        }
        HttpClient client = builder.build();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Upload-Id", uploadId)
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(document))).build();
        HttpRequest plain = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Upload-Id", uploadId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build();
        boolean compressed = true;
        String last = "";
        int status = 0;
        String body = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = response.body();
                if (status == 200 || status == 201) {
                    return new Sent(target, status, body, null);
                }
                last = "HTTP " + status + ": " + body;
                if ((status == 400 || status == 415) && compressed) {
                    // a server from before compressed uploads reads the gzip bytes as JSON: send it plain once
                    compressed = false;
                    request = plain;
                    attempt--;
                    continue;
                }
                if (status < 500) {
                    break;
                }
            } catch (SSLHandshakeException e) {
                // retrying does not make a certificate trusted
                return new Sent(target, 0, "", "TLS handshake failed (" + e.getMessage() + "); for a server with a "
                        + "self-signed certificate, give its certificate with --upload-truststore FILE");
            } catch (IOException e) {
                status = 0;
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INTERNAL, "interrupted while uploading");
            }
            if (attempt < attempts) {
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CliException(ExitCodes.INTERNAL, "interrupted while uploading");
                }
            }
        }
        return new Sent(target, status, body, last);
    }
}
