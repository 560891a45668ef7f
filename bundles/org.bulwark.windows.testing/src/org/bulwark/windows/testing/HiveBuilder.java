package org.bulwark.windows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.bulwark.windows.testing.internal.HiveWriter;

/**
 * Writes a real registry hive file (REGF 1.5): keys and values added with a fluent API, subkey lists in a chosen
 * {@link Layout}, values of more than 16,344 bytes as big data ({@code db}), names Latin-1 ("compressed") when they
 * can be and UTF-16LE otherwise. {@link #empty()} is the seed that hivexregedit merges {@code .reg} text into.
 *
 * <pre>
 * byte[] hive = new HiveBuilder()
 *     .key("Policies\\Microsoft\\Windows\\System").dword("EnableSmartScreen", 1)
 *     .bytes();
 * </pre>
 */
public final class HiveBuilder {
    public static final int REG_NONE = 0;
    public static final int REG_SZ = 1;
    public static final int REG_EXPAND_SZ = 2;
    public static final int REG_BINARY = 3;
    public static final int REG_DWORD = 4;
    public static final int REG_DWORD_BIG_ENDIAN = 5;
    public static final int REG_LINK = 6;
    public static final int REG_MULTI_SZ = 7;
    public static final int REG_QWORD = 11;

    /** How subkey lists are written. */
    public enum Layout {
        /** {@code lf}: offsets with the first four characters of each name (Windows NT 4 to 2000). */
        LF,
        /** {@code lh}: offsets with a hash of each name (Windows XP and later; what hivex writes). */
        LH,
        /** {@code li}: bare offsets. */
        LI,
        /** {@code ri}: an index of two {@code lh} lists, each holding half of the subkeys. */
        RI
    }

    /** A key of the tree being built. */
    public static final class Node {
        public final String name;
        public final Map<String, Node> children = new LinkedHashMap<>();
        public final List<Value> values = new ArrayList<>();

        Node(String name) {
            this.name = name;
        }
    }

    /** A value of the tree being built. */
    public record Value(String name, int type, byte[] data) {
    }

    private final Node root = new Node("ROOT");
    private Node current = root;
    private Layout layout = Layout.LH;
    private boolean dirty;
    private Instant lastWritten = Instant.parse("2024-01-01T00:00:00Z");

    /** The bytes of an empty hive: base block and one hive bin with the root key, its security cell, free space. */
    public static byte[] empty() {
        return new HiveBuilder().bytes();
    }

    /** Selects (creating it and its ancestors) the key at a backslash-separated path from the root; "" = root. */
    public HiveBuilder key(String path) {
        Node node = root;
        for (String part : path.split("\\\\")) {
            if (!part.isEmpty()) {
                node = node.children.computeIfAbsent(part.toUpperCase(Locale.ROOT), k -> new Node(part));
            }
        }
        current = node;
        return this;
    }

    public HiveBuilder dword(String name, int value) {
        return value(name, REG_DWORD, le(value, 4));
    }

    public HiveBuilder qword(String name, long value) {
        return value(name, REG_QWORD, le(value, 8));
    }

    public HiveBuilder sz(String name, String value) {
        return value(name, REG_SZ, utf16z(value));
    }

    public HiveBuilder expandSz(String name, String value) {
        return value(name, REG_EXPAND_SZ, utf16z(value));
    }

    public HiveBuilder multiSz(String name, String... values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append(v).append('\0');
        }
        return value(name, REG_MULTI_SZ, utf16z(b.toString()));
    }

    public HiveBuilder binary(String name, byte[] data) {
        return value(name, REG_BINARY, data);
    }

    /** A value of any type code (also codes outside 0..11) with raw data, in the selected key. */
    public HiveBuilder value(String name, int type, byte[] data) {
        current.values.add(new Value(Objects.requireNonNull(name), type, data.clone()));
        return this;
    }

    /** The layout of every subkey list (default {@link Layout#LH}). */
    public HiveBuilder layout(Layout layout) {
        this.layout = Objects.requireNonNull(layout);
        return this;
    }

    /** Writes different primary and secondary sequence numbers, as a hive with unapplied logs has. */
    public HiveBuilder dirty() {
        this.dirty = true;
        return this;
    }

    /** The last-written time of the base block and of every key (default 2024-01-01T00:00:00Z). */
    public HiveBuilder lastWritten(Instant time) {
        this.lastWritten = Objects.requireNonNull(time);
        return this;
    }

    public byte[] bytes() {
        return new HiveWriter(layout, dirty, lastWritten).write(root);
    }

    public Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    static byte[] le(long value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    static byte[] utf16z(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
