package org.bulwark.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random inputs for fuzzing a reader of untrusted text files (configuration, package databases), from a fixed
 * seed so every run tries the same inputs and a failure is reproducible by its number: mutations of good files —
 * bytes flipped, spans deleted, doubled or moved, lines of another file spliced in, tokens of the format and
 * extreme values inserted, truncation. Not thread-safe.
 *
 * @since 1.2
 */
public final class TextMutations {

    /** Tokens that break or stretch any line-oriented reader. */
    private static final List<String> GENERIC = List.of("\n", "\r\n", "\r", "\0", "\t", " ", "#", "=", ":", "\\",
            "\\\n", "\"", "'", "*", "?", "[", "]", "{", "}", "..", "/", "/../../../../etc/passwd", "-1", "0",
            "4294967304", "9223372036854775808", "-9223372036854775809", "1e400", "\u00ff\u00fe", "\uFFFD",
            "\ud800", "a".repeat(100_000), "\n".repeat(5_000), " ".repeat(10_000), "x=".repeat(2_000));

    private final Random random;
    private final List<byte[]> corpus;
    private final List<byte[]> tokens;

    /**
     * @param corpus good files of the format
     * @param tokens words of the format (keywords, directives) inserted besides the generic tokens
     */
    public TextMutations(long seed, List<String> corpus, List<String> tokens) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("a corpus of at least one file is needed");
        }
        this.random = new Random(seed);
        this.corpus = corpus.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        List<byte[]> t = new ArrayList<>();
        for (String s : GENERIC) {
            t.add(s.getBytes(StandardCharsets.UTF_8));
        }
        for (String s : tokens) {
            t.add(s.getBytes(StandardCharsets.UTF_8));
        }
        this.tokens = List.copyOf(t);
    }

    /** @return the next input: 1 to 6 mutations of a corpus file */
    public byte[] next() {
        byte[] b = corpus.get(random.nextInt(corpus.size()));
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) {
            return token();
        }
        int at = random.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + random.nextInt(80));
        return switch (random.nextInt(8)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] = (byte) (c[at] ^ (1 << random.nextInt(8)));
                yield c;
            }
            case 1 -> join(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length));
            case 2 -> join(Arrays.copyOfRange(b, 0, at + len), Arrays.copyOfRange(b, at, b.length));
            case 3, 4 -> join(Arrays.copyOfRange(b, 0, at), token(), Arrays.copyOfRange(b, at, b.length));
            case 5 -> Arrays.copyOfRange(b, 0, at);
            case 6 -> {
                byte[] o = corpus.get(random.nextInt(corpus.size()));
                int from = random.nextInt(o.length);
                yield join(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(o, from, o.length));
            }
            default -> { // a span moved elsewhere
                byte[] span = Arrays.copyOfRange(b, at, at + len);
                byte[] rest = join(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length));
                int to = rest.length == 0 ? 0 : random.nextInt(rest.length);
                yield join(Arrays.copyOfRange(rest, 0, to), span, Arrays.copyOfRange(rest, to, rest.length));
            }
        };
    }

    private byte[] token() {
        return tokens.get(random.nextInt(tokens.size()));
    }

    private static byte[] join(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
