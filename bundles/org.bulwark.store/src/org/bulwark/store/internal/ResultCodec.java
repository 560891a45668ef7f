package org.bulwark.store.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.InflaterInputStream;

import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.StoredResult;

/**
 * An assessment's results as one compressed value (schema 4): a version byte, the count, then per result its
 * control id, title, category, weight, state, reason, credit and covering exception, in order. One row per
 * assessment instead of one per control: a fleet server stores 300 results an upload, and each row cost three
 * B-tree entries to insert and again to commit.
 */
final class ResultCodec {

    private static final int VERSION = 1;

    private ResultCodec() {
    }

    static byte[] encode(List<StoredResult> results) throws SQLException {
        // written whole first, then deflated in one call: the stream writes its fields a few bytes at a time
        ByteArrayOutputStream plain = new ByteArrayOutputStream(64 + results.size() * 96);
        try (DataOutputStream out = new DataOutputStream(plain)) {
            out.writeByte(VERSION);
            out.writeInt(results.size());
            for (StoredResult r : results) {
                string(out, r.controlId());
                string(out, r.title());
                out.writeByte(r.category().ordinal());
                out.writeInt(r.weight());
                out.writeByte(r.state().ordinal());
                string(out, r.reason());
                out.writeBoolean(r.credit());
                string(out, r.exceptionId());
            }
        } catch (IOException e) {
            throw new SQLException("cannot encode the results: " + e.getMessage(), e);
        }
        byte[] input = plain.toByteArray();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 64);
            byte[] chunk = new byte[Math.min(64 * 1024, input.length + 64)];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static List<StoredResult> decode(byte[] data, long assessmentId) throws SQLException {
        // buffered: the fields are read a few bytes at a time
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(data)), 16 * 1024))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new SQLException("the results of assessment " + assessmentId + " have encoding version "
                        + version + ", which this Bulwark does not read");
            }
            int n = in.readInt();
            List<StoredResult> out = new ArrayList<>(n);
            Category[] categories = Category.values();
            ResultState[] states = ResultState.values();
            for (int i = 0; i < n; i++) {
                String id = string(in);
                String title = string(in);
                Category category = categories[in.readUnsignedByte()];
                int weight = in.readInt();
                ResultState state = states[in.readUnsignedByte()];
                String reason = string(in);
                boolean credit = in.readBoolean();
                out.add(new StoredResult(id, title, category, weight, state, reason, credit, string(in)));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new SQLException("the stored results of assessment " + assessmentId + " are damaged: "
                    + e.getMessage(), e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
