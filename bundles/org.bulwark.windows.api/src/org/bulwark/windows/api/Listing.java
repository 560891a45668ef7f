package org.bulwark.windows.api;

import java.util.List;

/**
 * What a view found in a set of files, and what it could not read.
 *
 * @param items    what was read, in file order
 * @param problems each file that exists but could not be read, with the reason and offset, for people
 * @param <T>      the kind of item
 */
public record Listing<T>(List<T> items, List<String> problems) {

    public Listing {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
