package org.bulwark.report.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random inputs for fuzzing a reader of untrusted JSON, from a fixed seed (so every run tries the same inputs
 * and a failure is reproducible by its number): mutations of good documents (bytes flipped, spans deleted,
 * copied or swapped with another document's, tokens and extreme values inserted, truncation) and random JSON
 * trees over the documents' own field names. Not thread-safe.
 */
final class Mutations {

    /** Tokens that break or stretch a JSON reader: structure, extreme numbers, odd strings, deep nesting. */
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "null", "true", "-",
            "1e400", "-1e400", "4294967304", "9223372036854775808", "-0", "0.0000000001", "1".repeat(900),
            "\"\\u0000\"", "\"\\ud800\"", "\"\\\"\"", "\u00ff\u00fe", "\uFFFD", "/*", "//", "\"x\": 1,",
            "\"weight\": 3,", "\"format\": 1,", "\"upload\": 1,", "\"id\": \"c1\",", "[".repeat(1200),
            "{\"a\":".repeat(300), " ".repeat(1000), "\"" + "s".repeat(5000) + "\"");

    private final Random random;
    private final List<byte[]> corpus;
    private final List<String> names;

    /**
     * @param names field names to build random trees from (the documents' own, so that some trees get far)
     */
    Mutations(long seed, List<String> corpus, List<String> names) {
        this.random = new Random(seed);
        this.corpus = corpus.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.names = List.copyOf(names);
    }

    /** @return the next input: mostly 1 to 4 mutations of a corpus document, sometimes a random tree */
    byte[] next() {
        if (random.nextInt(8) == 0) {
            return tree(random.nextInt(6)).getBytes(StandardCharsets.UTF_8);
        }
        byte[] b = corpus.get(random.nextInt(corpus.size()));
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) {
            return token();
        }
        int at = random.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + random.nextInt(64));
        return switch (random.nextInt(7)) {
            case 0 -> { // flip a byte
                byte[] c = b.clone();
                c[at] = (byte) (c[at] ^ (1 << random.nextInt(8)));
                yield c;
            }
            case 1 -> join(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length));
            case 2 -> join(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at, at + len),
                    Arrays.copyOfRange(b, at, b.length)); // a span twice: repeated names, elements
            case 3 -> join(Arrays.copyOfRange(b, 0, at), token(), Arrays.copyOfRange(b, at, b.length));
            case 4 -> Arrays.copyOfRange(b, 0, at); // truncated
            case 5 -> { // spliced with another document
                byte[] o = corpus.get(random.nextInt(corpus.size()));
                int from = random.nextInt(o.length);
                yield join(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(o, from, o.length));
            }
            default -> join(b, token()); // something after the document
        };
    }

    private byte[] token() {
        return TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }

    private String tree(int depth) {
        int kind = depth == 0 ? 2 + random.nextInt(4) : random.nextInt(6);
        StringBuilder b = new StringBuilder();
        switch (kind) {
            case 0 -> {
                b.append('{');
                for (int i = random.nextInt(5); i > 0; i--) {
                    b.append('"').append(names.get(random.nextInt(names.size()))).append("\":").append(tree(depth - 1))
                            .append(i > 1 ? "," : "");
                }
                b.append('}');
            }
            case 1 -> {
                b.append('[');
                for (int i = random.nextInt(4); i > 0; i--) {
                    b.append(tree(depth - 1)).append(i > 1 ? "," : "");
                }
                b.append(']');
            }
            case 2 -> b.append('"').append(names.get(random.nextInt(names.size()))).append('"');
            case 3 -> b.append(random.nextInt(12) - 1);
            case 4 -> b.append(random.nextBoolean() ? "null" : "\"2026-11-20T10:00:00Z\"");
            default -> b.append(TOKENS.get(random.nextInt(TOKENS.size())));
        }
        return b.toString();
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
