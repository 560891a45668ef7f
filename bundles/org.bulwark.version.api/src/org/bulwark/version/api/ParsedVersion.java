package org.bulwark.version.api;

import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** What {@link DebianVersion#parse} made of a text: a {@link Valid} version or an {@link Invalid} one, and why. */
@ProviderType
public sealed interface ParsedVersion permits ParsedVersion.Valid, ParsedVersion.Invalid {

    /** @return the version when the text is valid, otherwise empty */
    Optional<DebianVersion> valid();

    /** @param version the version the text stands for */
    record Valid(DebianVersion version) implements ParsedVersion {
        public Valid {
            Objects.requireNonNull(version, "version");
        }

        @Override
        public Optional<DebianVersion> valid() {
            return Optional.of(version);
        }
    }

    /**
     * @param text   the text as given
     * @param reason dpkg's words for what is wrong, e.g. {@code "revision number is empty"}
     */
    record Invalid(String text, String reason) implements ParsedVersion {
        public Invalid {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<DebianVersion> valid() {
            return Optional.empty();
        }
    }
}
