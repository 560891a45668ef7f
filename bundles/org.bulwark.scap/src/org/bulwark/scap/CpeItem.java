package org.bulwark.scap;

/**
 * A CPE dictionary item and the OVAL definition that decides whether the platform applies.
 *
 * @param name the CPE name, e.g. {@code cpe:/o:debianproject:debian:11}
 * @param title its title
 * @param checkHref the OVAL component the check refers to, or {@code ""}
 * @param checkDefinition the OVAL definition id, or {@code ""}
 */
public record CpeItem(String name, String title, String checkHref, String checkDefinition) {
}
