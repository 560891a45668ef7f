package org.bulwark.store.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** An assessment's JSON report as stored: gzip-compressed ({@code report_gz}, since schema 2). */
final class Reports {

    private Reports() {
    }

    /** Compresses a report for storing: the fastest level, since an upload waits for it. */
    static byte[] gzip(String text) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 8 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SQLException("cannot compress the report: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** @return whether {@code gz} starts as gzip does (and is long enough to be gzip at all) */
    static boolean looksLikeGzip(byte[] gz) {
        return gz.length >= 18 && (gz[0] & 0xff) == 0x1f && (gz[1] & 0xff) == 0x8b;
    }

    static String gunzip(byte[] gz, long id) throws SQLException {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
            return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("the stored report of assessment " + id + " is damaged: " + e.getMessage(), e);
        }
    }
}
