package org.bulwark.windows.regf.policy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Text files written by Windows tools: UTF-16LE with a BOM (or without, recognised by NULs), else UTF-8/ASCII. */
final class Text {
    private Text() {
    }

    static String decode(byte[] bytes, String name) throws PolicyFileException {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
            && (bytes[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length - skip);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw PolicyFileException.atOffset(name, in.position(), "not valid " + charset.name() + " text");
        }
        return out.flip().toString();
    }

    static List<String> lines(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}
