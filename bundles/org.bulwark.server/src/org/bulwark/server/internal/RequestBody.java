package org.bulwark.server.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request's body, read at most once and bounded: the limit holds for the body as sent and, for
 * {@code Content-Encoding: gzip}, as inflated, so a small bomb does not get past it. Not closed here: what is left
 * of an oversized body is drained (bounded) by the {@link Router} before it answers.
 */
final class RequestBody {

    /** The body: its bytes as inflated, and as sent when it came gzip-compressed ({@code null} otherwise). */
    record Bytes(byte[] plain, byte[] gzip) {
    }

    /** JSON read strictly: a name twice in an object, or anything after the document, is refused. */
    static final ObjectMapper STRICT = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final ObjectMapper JSON = STRICT;

    private final InputStream in;
    private final String contentLength;
    private final String contentEncoding;
    private final long limit;
    /** The body as sent, once {@link #receive} read it. */
    private byte[] sent;

    /**
     * @param in              the body as sent
     * @param contentLength   the {@code Content-Length} header, or {@code null}
     * @param contentEncoding the {@code Content-Encoding} header, or {@code null}
     * @param limit           the largest body, as sent and as inflated
     */
    RequestBody(InputStream in, String contentLength, String contentEncoding, long limit) {
        this.in = in;
        this.contentLength = contentLength;
        this.contentEncoding = contentEncoding;
        this.limit = limit;
    }

    /**
     * Receives the body as sent (bounded by the limit), so that a handler never waits for a client: the
     * {@link Router} calls it before it takes a handler. 413 beyond the limit, 415 for an encoding other than gzip
     * or identity; an {@link IOException} when the client stops sending (the JDK server closes a connection whose
     * request is not whole within {@code sun.net.httpserver.maxReqTime}) or goes away.
     */
    void receive() throws IOException {
        if (sent != null) {
            return;
        }
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > limit) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new ApiError(400, "bad_request", "Content-Length is not a number");
            }
        }
        String encoding = contentEncoding == null ? null : contentEncoding.trim();
        boolean gzip = encoding != null && encoding.equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
            throw new ApiError(415, "unsupported_encoding", "Content-Encoding " + contentEncoding
                    + " is not supported: send gzip or identity");
        }
        sent = readAtMost(in);
    }

    /** @return the body; 413 beyond the limit, 415 for an encoding other than gzip or identity */
    Bytes bytes() throws IOException {
        receive();
        byte[] body = sent;
        if (!isGzip()) {
            return new Bytes(body, null);
        }
        try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(body), 64 * 1024)) {
            return new Bytes(readAtMost(inflated), body);
        } catch (ZipException | EOFException e) {
            throw new ApiError(400, "invalid_encoding", "the body is not valid gzip: " + e.getMessage());
        }
    }

    private boolean isGzip() {
        return contentEncoding != null && contentEncoding.trim().equalsIgnoreCase("gzip");
    }

    /** @return the body as a JSON tree; 400 when it is missing or malformed, naming the line and column */
    JsonNode json() throws IOException {
        byte[] body = bytes().plain();
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiError(400, "invalid_json", "a JSON body is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "invalid_json", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    /** @return what {@code from} holds, at most {@link #limit} bytes (413 beyond) */
    private byte[] readAtMost(InputStream from) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = from.read(chunk)) > 0) {
            buffer.write(chunk, 0, n);
            if (buffer.size() > limit) {
                throw tooLarge();
            }
        }
        return buffer.toByteArray();
    }

    private ApiError tooLarge() {
        return new ApiError(413, "payload_too_large", "the upload is larger than " + limit + " bytes");
    }
}
