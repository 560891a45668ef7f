package org.bulwark.ui.internal.model;

import java.util.List;
import java.util.Locale;

import org.bulwark.collector.api.Category;

/**
 * One security recommendation as the table shows it: a counted control that lacks credit, or is under exception,
 * on some device.
 *
 * @param controlId       the control
 * @param title           its title
 * @param category        its category
 * @param exposedDevices  the ids of the devices without credit for it
 * @param impact          the fleet score points fixing it would add
 * @param weight          its weight, 1 to 10
 * @param status          active, exception or partial exception
 * @param remediationType how it is fixed, e.g. "Configuration change"
 */
public record Row(String controlId, String title, Category category, List<String> exposedDevices, double impact,
        int weight, Status status, String remediationType) {

    /** Whether the recommendation still needs work. */
    public enum Status {
        ACTIVE("Active"), EXCEPTION("Exception"), PARTIAL_EXCEPTION("Partial exception");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Row {
        exposedDevices = List.copyOf(exposedDevices);
    }

    /** @return the text of {@code column} as the table shows it */
    public String text(Column column) {
        return switch (column) {
            case NAME -> title;
            case CATEGORY -> category.label();
            case EXPOSED -> Integer.toString(exposedDevices.size());
            case IMPACT -> String.format(Locale.ROOT, "+%.2f", impact);
            case WEIGHT -> Integer.toString(weight);
            case STATUS -> status.label();
            case REMEDIATION -> remediationType;
        };
    }
}
