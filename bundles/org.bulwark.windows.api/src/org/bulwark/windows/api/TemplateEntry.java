package org.bulwark.windows.api;

import java.util.Objects;

/**
 * One {@code key = value} line of a security template (secedit INF) or one row of an {@code audit.csv}.
 *
 * @param file    the file as the target sees it
 * @param section the INF section, e.g. {@code System Access}; {@code audit.csv} for an audit.csv row (then the key
 *                is the subcategory and the value its setting value)
 * @param key     the key as written
 * @param value   the value as written, trimmed
 */
public record TemplateEntry(String file, String section, String key, String value) {
    public TemplateEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
