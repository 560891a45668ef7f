package org.bulwark.ui.internal.model;

import java.util.Comparator;

/** The recommendations table's columns, each with its header, width and sort order. */
public enum Column {
    NAME("Security recommendation", 330, Comparator.comparing(Row::title, String.CASE_INSENSITIVE_ORDER)),
    CATEGORY("Category", 130, Comparator.comparing(Row::category)),
    EXPOSED("Exposed devices", 125, Comparator.comparingInt(r -> r.exposedDevices().size())),
    IMPACT("Score impact", 115, Comparator.comparingDouble(Row::impact)),
    WEIGHT("Weight", 70, Comparator.comparingInt(Row::weight)),
    STATUS("Status", 120, Comparator.comparing(Row::status)),
    REMEDIATION("Remediation type", 160, Comparator.comparing(Row::remediationType));

    private final String header;
    private final int width;
    private final Comparator<Row> order;

    Column(String header, int width, Comparator<Row> order) {
        this.header = header;
        this.width = width;
        this.order = order;
    }

    public String header() {
        return header;
    }

    public int width() {
        return width;
    }

    /** @return ascending order on this column, ties broken by control id so that sorting is stable */
    public Comparator<Row> order() {
        return order.thenComparing(Row::controlId);
    }
}
