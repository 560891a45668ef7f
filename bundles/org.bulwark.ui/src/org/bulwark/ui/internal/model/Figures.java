package org.bulwark.ui.internal.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the parts show numbers and times: as the command line does (half-up, trailing zeros dropped, UTC). */
public final class Figures {

    /** What is shown where there is no number (no score). */
    public static final String NONE = "—";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Figures() {
    }

    /** @return {@code value} rounded half-up to at most {@code decimals}, trailing zeros dropped; "—" for NaN */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NONE;
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** @return {@link #number} with a sign when positive, e.g. {@code +9.5}, {@code -2}, {@code 0} */
    public static String signed(double value, int decimals) {
        String n = number(value, decimals);
        return value > 0 && !n.equals("0") ? "+" + n : n;
    }

    /** @return e.g. {@code 2026-12-03 13:40:12 UTC} */
    public static String time(Instant t) {
        return t == null ? NONE : TIME.format(t);
    }
}
