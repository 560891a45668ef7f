package org.bulwark.ui.internal.model;

import java.util.List;
import java.util.Locale;

import org.bulwark.collector.api.Category;
import org.bulwark.operations.api.RecommendationRow;
import org.bulwark.operations.api.RecommendationRows;

/**
 * One security recommendation as the table shows it: a row of {@link RecommendationRows} (a counted control that
 * lacks credit, or is under exception, on some device; its status decided by the operations' one rule), with the
 * table's texts.
 *
 * @param recommendation the operations' row
 */
public record Row(RecommendationRow recommendation) {

    /** Whether the recommendation still needs work: the operations' status, labelled. */
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

    public String controlId() {
        return recommendation.controlId();
    }

    public String title() {
        return recommendation.title();
    }

    public Category category() {
        return recommendation.category();
    }

    /** @return the ids of the devices without credit for it */
    public List<String> exposedDevices() {
        return recommendation.exposedDevices();
    }

    /** @return the fleet score points fixing it would add */
    public double impact() {
        return recommendation.impact();
    }

    /** @return its weight, 1 to 10 */
    public int weight() {
        return recommendation.weight();
    }

    public Status status() {
        return Status.valueOf(recommendation.status().name());
    }

    /** @return how it is fixed, e.g. "Configuration change", or "—" when the installed content lacks it */
    public String remediationType() {
        return recommendation.remediationLabel();
    }

    /** @return the text of {@code column} as the table shows it */
    public String text(Column column) {
        return switch (column) {
            case NAME -> title();
            case CATEGORY -> category().label();
            case EXPOSED -> Integer.toString(exposedDevices().size());
            case IMPACT -> String.format(Locale.ROOT, "+%.2f", impact());
            case WEIGHT -> Integer.toString(weight());
            case STATUS -> status().label();
            case REMEDIATION -> remediationType();
        };
    }
}
