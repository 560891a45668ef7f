package org.bulwark.windows.regf.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The password and lockout policy of the SAM value {@code SAM\Domains\Account\F} (DOMAIN_ACCOUNT_F, as mimikatz and
 * other public SAM readers lay it out): little-endian, times as negative 100-ns intervals, where
 * {@code 0x8000000000000000} means "never" (an empty {@link Optional}).
 * <pre>
 * 0x18 i64 MaxPasswordAge   0x20 i64 MinPasswordAge   0x30 i64 LockoutDuration   0x38 i64 LockoutObservationWindow
 * 0x4C u32 PasswordProperties (bit 0 DOMAIN_PASSWORD_COMPLEX)
 * 0x50 u16 MinPasswordLength   0x52 u16 PasswordHistoryLength   0x54 u16 LockoutThreshold
 * </pre>
 */
public record SamDomainPolicy(int minPasswordLength, int passwordHistoryLength, Optional<Duration> maxPasswordAge,
    Optional<Duration> minPasswordAge, Optional<Duration> lockoutDuration,
    Optional<Duration> lockoutObservationWindow, long passwordProperties, int lockoutThreshold) {

    /** The bytes DOMAIN_ACCOUNT_F must have at least, up to LockoutThreshold. */
    public static final int MIN_LENGTH = 0x56;
    /** PasswordProperties bit: passwords must meet complexity requirements. */
    public static final long DOMAIN_PASSWORD_COMPLEX = 0x1;

    public SamDomainPolicy {
        Objects.requireNonNull(maxPasswordAge, "maxPasswordAge");
        Objects.requireNonNull(minPasswordAge, "minPasswordAge");
        Objects.requireNonNull(lockoutDuration, "lockoutDuration");
        Objects.requireNonNull(lockoutObservationWindow, "lockoutObservationWindow");
    }

    /** Whether "password must meet complexity requirements" is on. */
    public boolean complexity() {
        return (passwordProperties & DOMAIN_PASSWORD_COMPLEX) != 0;
    }

    public static SamDomainPolicy decode(byte[] f, String name) throws PolicyFileException {
        if (f.length < MIN_LENGTH) {
            throw PolicyFileException.atField(name, "LockoutThreshold", "DOMAIN_ACCOUNT_F of " + f.length
                + " bytes is shorter than the " + MIN_LENGTH + " that hold the policy");
        }
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        return new SamDomainPolicy(Short.toUnsignedInt(b.getShort(0x50)), Short.toUnsignedInt(b.getShort(0x52)),
            interval(b.getLong(0x18), name, "MaxPasswordAge"), interval(b.getLong(0x20), name, "MinPasswordAge"),
            interval(b.getLong(0x30), name, "LockoutDuration"),
            interval(b.getLong(0x38), name, "LockoutObservationWindow"),
            Integer.toUnsignedLong(b.getInt(0x4C)), Short.toUnsignedInt(b.getShort(0x54)));
    }

    /** A negative count of 100-ns intervals as a duration; {@code Long.MIN_VALUE} ("never") as empty. */
    static Optional<Duration> interval(long value, String name, String field) throws PolicyFileException {
        if (value == Long.MIN_VALUE) {
            return Optional.empty();
        }
        if (value > 0) {
            throw PolicyFileException.atField(name, field, "a positive interval " + value
                + " (SAM stores intervals as negative 100-ns counts)");
        }
        long ticks = -value;
        return Optional.of(Duration.ofSeconds(ticks / 10_000_000L, (ticks % 10_000_000L) * 100));
    }
}
