package org.bulwark.plugins.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A time-stamping authority for jarsigner's {@code -tsa} (RFC 3161 over HTTP), on the JDK's HTTP server: it
 * answers every request with a granted TimeStampResp whose token is a CMS SignedData over a TSTInfo (the request's
 * message imprint and nonce, the time {@link #time}), signed with an EC key of a PKCS12 keystore and carrying its
 * certificate chain. DER written by hand: only what the JDK's {@code TSResponse}/{@code PKCS7} read.
 */
final class TimestampAuthority implements AutoCloseable {

    private static final String SHA_256 = "2.16.840.1.101.3.4.2.1";
    private static final String ECDSA_WITH_SHA_256 = "1.2.840.10045.4.3.2";
    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    private static final String TST_INFO = "1.2.840.113549.1.9.16.1.4";
    private static final String CONTENT_TYPE = "1.2.840.113549.1.9.3";
    private static final String MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
    private static final String POLICY = "1.3.6.1.4.1.99999.1";

    private final PrivateKey key;
    private final List<X509Certificate> chain = new ArrayList<>();
    private final HttpServer server;
    private final AtomicLong serial = new AtomicLong(1);
    /** The time stamped; {@code null}: the time of the request. */
    volatile Instant time;

    /** Starts an authority with the key {@code alias} of {@code keystore} (password {@code changeit}). */
    TimestampAuthority(Path keystore, String alias) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) store.getKey(alias, "changeit".toCharArray());
        for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** @return the URL to give jarsigner's {@code -tsa} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] response;
            try {
                response = response(exchange.getRequestBody().readAllBytes());
            } catch (GeneralSecurityException | RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }

    /** @return the TimeStampResp to the TimeStampReq {@code request} */
    byte[] response(byte[] request) throws GeneralSecurityException {
        // TimeStampReq ::= SEQUENCE { version, messageImprint, reqPolicy OID OPTIONAL, nonce INTEGER OPTIONAL, ... }
        List<byte[]> fields = elements(request);
        byte[] imprint = fields.get(1);
        byte[] nonce = fields.stream().skip(2).filter(f -> f[0] == 0x02).findFirst().orElse(new byte[0]);
        Instant at = time != null ? time : Instant.now();
        String genTime = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(at);
        byte[] tstInfo = seq(integer(BigInteger.ONE), oid(POLICY), imprint,
                integer(BigInteger.valueOf(serial.getAndIncrement())),
                tlv(0x18, genTime.getBytes(StandardCharsets.US_ASCII)), nonce);

        byte[][] attributes = { seq(oid(CONTENT_TYPE), tlv(0x31, oid(TST_INFO))),
                seq(oid(MESSAGE_DIGEST), tlv(0x31, tlv(0x04, MessageDigest.getInstance("SHA-256").digest(tstInfo)))) };
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
        signature.update(tlv(0x31, attributes)); // the signed attributes are signed as a SET OF
        X509Certificate tsa = chain.get(0);
        byte[] signerInfo = seq(integer(BigInteger.ONE),
                seq(tsa.getIssuerX500Principal().getEncoded(), integer(tsa.getSerialNumber())), seq(oid(SHA_256)),
                tlv(0xA0, attributes), seq(oid(ECDSA_WITH_SHA_256)), tlv(0x04, signature.sign()));
        byte[][] certificates = new byte[chain.size()][];
        for (int i = 0; i < chain.size(); i++) {
            certificates[i] = chain.get(i).getEncoded();
        }
        byte[] signedData = seq(integer(BigInteger.valueOf(3)), tlv(0x31, seq(oid(SHA_256))),
                seq(oid(TST_INFO), tlv(0xA0, tlv(0x04, tstInfo))), tlv(0xA0, certificates), tlv(0x31, signerInfo));
        byte[] token = seq(oid(SIGNED_DATA), tlv(0xA0, signedData));
        return seq(seq(integer(BigInteger.ZERO)), token); // PKIStatusInfo: granted
    }

    /** @return the encodings of the elements of the DER constructed value {@code der} */
    static List<byte[]> elements(byte[] der) {
        int[] outer = header(der, 0);
        List<byte[]> out = new ArrayList<>();
        for (int p = outer[0]; p < outer[0] + outer[1];) {
            int[] h = header(der, p);
            out.add(Arrays.copyOfRange(der, p, h[0] + h[1]));
            p = h[0] + h[1];
        }
        return out;
    }

    /** @return the start and the length of the content of the DER value at {@code p} (one-byte tags only) */
    private static int[] header(byte[] der, int p) {
        int first = der[p + 1] & 0xff;
        if (first < 0x80) {
            return new int[] { p + 2, first };
        }
        int n = first & 0x7f;
        int length = 0;
        for (int i = 0; i < n; i++) {
            length = length << 8 | der[p + 2 + i] & 0xff;
        }
        return new int[] { p + 2 + n, length };
    }

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | digits.length - skip);
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, parts);
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = 1;
            while (arc >>> 7 * groups != 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) (arc >>> 7 * g & 0x7f) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }
}
