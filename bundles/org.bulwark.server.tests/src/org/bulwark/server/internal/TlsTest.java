package org.bulwark.server.internal;

import static org.bulwark.server.internal.ServerFixture.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.testing.JdkTools;
import org.junit.jupiter.api.Test;

/** HTTPS with a keystore's key, TLS 1.3 and 1.2 only; a keystore that cannot be used is refused naming it. */
class TlsTest extends ServerTestBase {

    static final String STORE_PASSWORD = "keystore-secret";

    /** A PKCS12 keystore with a self-signed key for 127.0.0.1 and localhost. */
    static Path selfSigned(Path d) throws Exception {
        return JdkTools.selfSignedKeystore(d.resolve("server.p12"), STORE_PASSWORD);
    }

    /** An SSL context that trusts only the certificate of {@code keystore}. */
    static SSLContext trusting(Path keystore) throws Exception {
        KeyStore server = KeyStore.getInstance(keystore.toFile(), STORE_PASSWORD.toCharArray());
        Certificate cert = server.getCertificate("bulwark");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    @Test
    void servesHttpsWithTheKeystoresKeyAndOnlyHttps() throws Exception {
        Path d = Files.createTempDirectory("bulwark-tls");
        Path ks = selfSigned(d);
        FleetServer.Tls tls = new FleetServer.Tls(ks, STORE_PASSWORD.toCharArray());
        fleet.server.checkTls(tls);
        try (FleetServer.Running https = fleet.server.start(fleet.store,
                new FleetServer.Settings("127.0.0.1", 0, d, 256 * 1024, 2, tls))) {
            String token = fleet.server.createToken(d, "admin", Role.ADMINISTRATOR, Set.of("*"));
            URI machines = URI.create("https://127.0.0.1:" + https.port() + "/api/machines");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ks))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(machines).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(3, JSON.readTree(r.body()).get("count").asInt());
            assertEquals("TLSv1.3", r.sslSession().orElseThrow().getProtocol());
            // a TLS 1.2 client is served too
            SSLParameters only12 = new SSLParameters();
            only12.setProtocols(new String[] { "TLSv1.2" });
            HttpResponse<String> r12 = HttpClient.newBuilder().sslContext(trusting(ks)).sslParameters(only12)
                    .build().send(HttpRequest.newBuilder(machines).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r12.statusCode());
            assertEquals("TLSv1.2", r12.sslSession().orElseThrow().getProtocol());
            // a client that does not trust the certificate, and plain HTTP on the TLS port: no answer
            assertThrows(IOException.class, () -> fleet.http.send(HttpRequest.newBuilder(machines)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
            assertThrows(IOException.class, () -> fleet.http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + https.port() + "/api/openapi.json"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void aKeystoreThatCannotBeUsedIsRefusedNamingTheFile() throws Exception {
        Path d = Files.createTempDirectory("bulwark-tls-bad");
        Path ks = selfSigned(d);
        FleetServer.Settings wrong = new FleetServer.Settings("127.0.0.1", 0, d, 1024, 1,
                new FleetServer.Tls(ks, "not-the-password".toCharArray()));
        IOException e = assertThrows(IOException.class, () -> fleet.server.start(fleet.store, wrong));
        assertEquals("TLS keystore " + ks + ": wrong password", e.getMessage());
        assertFalse(Files.exists(d.resolve("uploads.log")), "nothing was started");
        Path missing = d.resolve("missing.p12");
        assertEquals("TLS keystore " + missing + " does not exist", assertThrows(IOException.class,
                () -> fleet.server.checkTls(new FleetServer.Tls(missing, new char[0]))).getMessage());
        // a keystore with a certificate but no private key
        KeyStore certsOnly = KeyStore.getInstance("PKCS12");
        certsOnly.load(null, null);
        certsOnly.setCertificateEntry("cert", KeyStore.getInstance(ks.toFile(), STORE_PASSWORD.toCharArray())
                .getCertificate("bulwark"));
        Path noKey = d.resolve("no-key.p12");
        try (java.io.OutputStream out = Files.newOutputStream(noKey)) {
            certsOnly.store(out, STORE_PASSWORD.toCharArray());
        }
        assertTrue(assertThrows(IOException.class, () -> fleet.server.checkTls(new FleetServer.Tls(noKey,
                STORE_PASSWORD.toCharArray()))).getMessage().startsWith("TLS keystore " + noKey
                        + " holds no private key"));
        Path garbage = Files.writeString(d.resolve("garbage.p12"), "not a keystore");
        assertTrue(assertThrows(IOException.class, () -> fleet.server.checkTls(new FleetServer.Tls(garbage,
                STORE_PASSWORD.toCharArray()))).getMessage().startsWith("TLS keystore " + garbage + " "));
    }
}
