package org.bulwark.ui.internal.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.StoredException;

/**
 * One stored exception as the exceptions part shows it: its cells, and its status at the snapshot's time.
 *
 * @param stored the exception as stored
 * @param status its status when the snapshot was taken
 * @param cells  the table's cells, in the order of {@link #COLUMNS} (what decides first: the status, control,
 *               scope and expiry before the justification and who created it and when, as the part is narrow)
 */
public record ExceptionRow(StoredException stored, StoredException.Status status, List<String> cells) {

    /** The table's columns. */
    public static final List<String> COLUMNS = List.of("ID", "Status", "Control", "Scope", "Expires (UTC)",
            "Justification", "Author", "Created (UTC)", "Notes");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public ExceptionRow {
        cells = List.copyOf(cells);
    }

    /**
     * @param at      when its status is taken (the snapshot's time)
     * @param devices the known devices: a device-scoped exception shows its device's host name
     */
    public static ExceptionRow of(StoredException stored, Instant at, List<Device> devices) {
        ControlException e = stored.exception();
        StoredException.Status status = stored.status(at);
        return new ExceptionRow(stored, status, List.of(e.id(), word(status), e.controlId(), scope(e, devices),
                e.expires() == null ? "never" : when(e.expires()), word(e.justification()),
                e.author() == null ? "" : e.author(), when(e.created()), oneLine(e.notes())));
    }

    /** @return the rows of every exception of {@code s}, newest first */
    public static List<ExceptionRow> of(Snapshot s) {
        List<ExceptionRow> rows = new ArrayList<>();
        for (StoredException e : s.exceptions()) {
            rows.add(0, of(e, s.at(), s.devices()));
        }
        return rows;
    }

    /** @return the cell of {@code column}, one of {@link #COLUMNS} */
    public String cell(String column) {
        return cells.get(COLUMNS.indexOf(column));
    }

    /** @return its id */
    public String id() {
        return stored.exception().id();
    }

    /** @return whether it may be edited or cancelled in the workbench: it is active */
    public boolean active() {
        return status == StoredException.Status.ACTIVE;
    }

    /**
     * @return who created, last updated and cancelled it, and when, as one line, e.g. {@code ex-1a2b3c4d: created
     *         2026-03-01 09:00 UTC by alice; updated 2026-03-02 10:00 UTC by bob}
     */
    public String audit() {
        ControlException e = stored.exception();
        StringBuilder b = new StringBuilder(e.id()).append(": created ").append(when(e.created())).append(" UTC by ")
                .append(e.author());
        if (stored.updated() != null) {
            b.append("; updated ").append(when(stored.updated())).append(" UTC by ").append(stored.updatedBy());
        }
        if (stored.cancelled() != null) {
            b.append("; cancelled ").append(when(stored.cancelled())).append(" UTC by ")
                    .append(stored.cancelledBy());
        }
        return b.toString();
    }

    /** @return {@code t} as {@code YYYY-MM-DD HH:MM}, UTC */
    public static String when(Instant t) {
        return WHEN.format(t);
    }

    /** @return a constant in lower case with dashes, as the command line writes it ({@code third-party-control}) */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String scope(ControlException e, List<Device> devices) {
        return switch (e.scope()) {
            case GLOBAL -> "global";
            case GROUP -> "group " + e.target();
            case DEVICE -> "device " + devices.stream().filter(d -> d.id().equals(e.target()))
                    .map(Device::hostname).filter(h -> h != null && !h.isBlank()).findFirst().orElse(e.target());
        };
    }

    /** @return {@code notes} on one line (a table cell), line breaks shown as {@code " / "} */
    private static String oneLine(String notes) {
        return notes == null ? "" : notes.strip().replaceAll("\\s*\\R\\s*", " / ");
    }
}
