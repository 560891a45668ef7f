package org.bulwark.store.internal;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.StoredResult;

/**
 * The result states of recently read or stored assessments, for recounts: a byte per control (numbered as first
 * seen), for the {@link #CAPACITY} assessments used last. Stored results never change, so an entry is never
 * stale; it is filled from what a transaction read or wrote once that transaction committed. Thread-safe.
 */
final class ResultStateCache {

    /** Assessments kept: a fleet's latest ones, at about 300 bytes each. */
    static final int CAPACITY = 50_000;

    /** Every control id seen, numbered. */
    private final Map<String, Integer> controlNumbers = new ConcurrentHashMap<>();
    private final AtomicInteger nextControlNumber = new AtomicInteger();
    private final Map<Long, byte[]> states = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CAPACITY;
        }
    });

    /** Reads an assessment's results when the cache does not have them. */
    @FunctionalInterface
    interface Loader {
        List<StoredResult> results(long id) throws SQLException;
    }

    /** Keeps the states of assessment {@code id}. */
    void remember(long id, List<StoredResult> results) {
        states.put(id, encode(results));
    }

    private byte[] encode(List<StoredResult> results) {
        int[] numbers = new int[results.size()];
        int max = -1;
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = controlNumbers.computeIfAbsent(results.get(i).controlId(),
                    k -> nextControlNumber.getAndIncrement());
            max = Math.max(max, numbers[i]);
        }
        byte[] b = new byte[max + 1];
        for (int i = 0; i < numbers.length; i++) {
            b[numbers[i]] = (byte) (results.get(i).state().ordinal() + 1);
        }
        return b;
    }

    /**
     * @return the state of {@code control} in assessment {@code id}, or {@code null} when it has none; an
     *         assessment not kept is read with {@code loader} and kept
     */
    ResultState stateOf(long id, String control, Loader loader) throws SQLException {
        byte[] b = states.get(id);
        if (b == null) {
            b = encode(loader.results(id));
            states.put(id, b);
        }
        Integer n = controlNumbers.get(control);
        if (b == null || n == null || n >= b.length || b[n] == 0) {
            return null;
        }
        return ResultState.values()[b[n] - 1];
    }
}
