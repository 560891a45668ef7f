package org.bulwark.operations.internal;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;

import org.bulwark.operations.api.OperationException;
import org.bulwark.testing.Allocations;
import org.bulwark.testing.TextMutations;
import org.junit.jupiter.api.Test;

/**
 * Fixed-seed mutation fuzzing of the strict JSON readers every front end uses for what a user or a client sends: the
 * exceptions file of {@code bulwark assess --exceptions} and the request bodies of exceptions and remediation
 * activities. Each mutated input is either read or refused with an {@link OperationException} (INVALID_INPUT, naming
 * the field); nothing else is thrown, nothing hangs, and nothing allocates beyond a small multiple of the input. A
 * failure names the reader and the round, which the seed makes reproducible.
 */
class StrictReadersFuzzTest {

    private static final int ROUNDS = 2000;

    private final StrictReaders readers = new StrictReaders();

    @FunctionalInterface
    interface Reader {
        void read(byte[] input) throws OperationException;
    }

    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\u0000", "\\", "null",
            "true", "1e999999", "-0", "99999999999999999999", "\"id\"", "\"scope\"", "\"global\"", "\"device\"",
            "\"expires\"", "\"created\"", "\"2026-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"notes\"",
            "\"due\"", "\"devices\"", "\"controlId\"", "\"control\"");

    @Test
    void exceptionsFiles() {
        fuzz("exceptions file", List.of("""
                [{"id": "e1", "control": "c4", "scope": "device", "target": "d2",
                  "justification": "alternate-mitigation", "author": "alice",
                  "created": "2026-01-01T00:00:00Z", "expires": "2099-01-01T00:00:00Z"},
                 {"id": "e2", "controlId": "c5", "scope": "global", "justification": "risk-accepted",
                  "author": "bob", "created": "2026-01-01T00:00:00Z", "notes": "n"}]"""),
                in -> readers.exceptionsFile("ex.json", in));
    }

    @Test
    void exceptionRequests() {
        fuzz("exception request", List.of("""
                {"id": "ex-1", "controlId": "c1", "scope": "group", "target": "web",
                 "justification": "third-party-control", "expires": "2027-01-01T00:00:00Z", "notes": "WAF"}"""),
                in -> readers.exceptionDraft("body", in));
        fuzz("exception update", List.of(
                "{\"expires\": null, \"notes\": \"later\", \"justification\": \"risk-accepted\"}"),
                in -> readers.exceptionUpdate("body", in));
    }

    @Test
    void activityRequests() {
        fuzz("activity request", List.of("""
                {"title": "Patch web", "controlId": "c1", "scope": "devices", "devices": ["m-1", "m-2"],
                 "notes": "n"}"""), in -> readers.activityRequest("body", in));
        fuzz("activity update", List.of(
                "{\"title\": \"t\", \"priority\": \"low\", \"due\": null, \"notes\": \"\"}"),
                in -> readers.activityUpdate("body", in));
    }

    private static void fuzz(String name, List<String> corpus, Reader reader) {
        Allocations.assumeSupported();
        TextMutations inputs = new TextMutations(name.hashCode(), corpus, TOKENS);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int refused = 0;
            for (int round = 0; round < ROUNDS; round++) {
                byte[] input = inputs.next();
                long before = Allocations.current();
                try {
                    reader.read(input);
                } catch (OperationException e) {
                    refused++;
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), name + " round " + round);
                } catch (RuntimeException | StackOverflowError e) {
                    fail(name + " round " + round + " threw " + e, e);
                }
                long allocated = Allocations.current() - before;
                long bound = 64L * input.length + 8L * 1024 * 1024;
                assertTrue(allocated < bound, name + " round " + round + " allocated " + allocated + " bytes for "
                        + input.length + " input bytes");
            }
            assertTrue(refused > ROUNDS / 10 && refused < ROUNDS, name + ": " + refused + " of " + ROUNDS
                    + " refused: the mutations should make some inputs bad and leave some good");
        }, name + ": a reader hung");
    }
}
