package org.bulwark.windows.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a Registry.pol file ([MS-GPREG] 2.2.1): {@code PReg}, version 1, then {@code [key;value;type;size;data]}
 * records with UTF-16LE brackets, separators and NUL-terminated strings.
 */
public final class PolWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public PolWriter() {
        out.writeBytes(new byte[] {'P', 'R', 'e', 'g', 1, 0, 0, 0});
    }

    /** A record with raw data and any type code. */
    public PolWriter entry(String key, String value, int type, byte[] data) {
        chr('[');
        str(key);
        chr(';');
        str(value);
        chr(';');
        out.writeBytes(HiveBuilder.le(type, 4));
        chr(';');
        out.writeBytes(HiveBuilder.le(data.length, 4));
        chr(';');
        out.writeBytes(data);
        chr(']');
        return this;
    }

    public PolWriter dword(String key, String value, int data) {
        return entry(key, value, HiveBuilder.REG_DWORD, HiveBuilder.le(data, 4));
    }

    public PolWriter sz(String key, String value, String data) {
        return entry(key, value, HiveBuilder.REG_SZ, HiveBuilder.utf16z(data));
    }

    /** A {@code **del.VALUE} record, as a "Disabled" policy writes: type REG_SZ, data one space and NUL. */
    public PolWriter delete(String key, String value) {
        return entry(key, "**del." + value, HiveBuilder.REG_SZ, HiveBuilder.utf16z(" "));
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    private void chr(char c) {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_16LE));
    }

    private void str(String s) {
        out.writeBytes(HiveBuilder.utf16z(s));
    }
}
