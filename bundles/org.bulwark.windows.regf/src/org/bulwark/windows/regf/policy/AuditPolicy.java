package org.bulwark.windows.regf.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The advanced audit policy of the SECURITY value {@code Policy\PolAdtEv}: a header of six u16 (the category count
 * at 4, the offset of the per-category subcategory counts at 8), from offset 12 one u16 setting per subcategory,
 * category after category (bit 0 success, bit 1 failure), and at that offset one u16 count per category. Names and
 * GUIDs come from {@link AuditSubcategory#ORDER}; a subcategory beyond the known ones is named "Unknown" with an
 * empty GUID, as newer Windows builds may add some.
 */
public record AuditPolicy(List<Entry> entries) {
    /** What a subcategory audits. */
    public enum Setting {
        NONE, SUCCESS, FAILURE, SUCCESS_AND_FAILURE;

        public boolean success() {
            return this == SUCCESS || this == SUCCESS_AND_FAILURE;
        }

        public boolean failure() {
            return this == FAILURE || this == SUCCESS_AND_FAILURE;
        }
    }

    /** One subcategory's setting. */
    public record Entry(AuditSubcategory subcategory, Setting setting) {
        public Entry {
            Objects.requireNonNull(subcategory, "subcategory");
            Objects.requireNonNull(setting, "setting");
        }
    }

    public AuditPolicy {
        entries = List.copyOf(entries);
    }

    /** The setting of a subcategory by auditpol English name or GUID, case-insensitive. */
    public Optional<Setting> get(String nameOrGuid) {
        String wanted = nameOrGuid.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.subcategory().name().toLowerCase(Locale.ROOT).equals(wanted)
            || e.subcategory().guid().toLowerCase(Locale.ROOT).equals(wanted)
            || e.subcategory().guid().toLowerCase(Locale.ROOT).equals("{" + wanted + "}"))
            .map(Entry::setting).findFirst();
    }

    public static AuditPolicy decode(byte[] polAdtEv, String name) throws PolicyFileException {
        if (polAdtEv.length < 12) {
            throw PolicyFileException.atOffset(name, 0, "PolAdtEv of " + polAdtEv.length
                + " bytes is shorter than its 12-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(polAdtEv).order(ByteOrder.LITTLE_ENDIAN);
        int categories = Short.toUnsignedInt(b.getShort(4));
        int footer = Short.toUnsignedInt(b.getShort(8));
        if (footer < 12 || footer + 2L * categories > polAdtEv.length) {
            throw PolicyFileException.atOffset(name, 8, "the " + categories + " category counts at offset "
                + footer + " do not fit in " + polAdtEv.length + " bytes");
        }
        List<Entry> out = new ArrayList<>();
        int pos = 12;
        for (int c = 0; c < categories; c++) {
            int count = Short.toUnsignedInt(b.getShort(footer + 2 * c));
            if (pos + 2L * count > footer) {
                throw PolicyFileException.atOffset(name, footer + 2 * c, "category " + c + " counts " + count
                    + " subcategories, more than fit before the counts");
            }
            List<AuditSubcategory> known = c < AuditSubcategory.ORDER.size() ? AuditSubcategory.ORDER.get(c)
                : List.of();
            for (int s = 0; s < count; s++, pos += 2) {
                int value = Short.toUnsignedInt(b.getShort(pos));
                if (value > 3) {
                    throw PolicyFileException.atOffset(name, pos, "audit setting " + value + " is not 0..3");
                }
                AuditSubcategory sub = s < known.size() ? known.get(s)
                    : new AuditSubcategory(known.isEmpty() ? "Unknown" : known.get(0).category(), "Unknown", "");
                out.add(new Entry(sub, Setting.values()[value]));
            }
        }
        return new AuditPolicy(out);
    }
}
