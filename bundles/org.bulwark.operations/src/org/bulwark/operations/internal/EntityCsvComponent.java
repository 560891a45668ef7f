package org.bulwark.operations.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bulwark.operations.api.EntityCsv;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.ControlException;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link EntityCsv} service; the cells are escaped by {@link ReportWriter#writeCsv}. */
@Component(service = EntityCsv.class)
public final class EntityCsvComponent implements EntityCsv {

    private final ReportWriter writer;

    @Activate
    public EntityCsvComponent(@Reference ReportWriter writer) {
        this.writer = writer;
    }

    @Override
    public List<String> activityRow(Remediation r) {
        return Arrays.asList(Long.toString(r.id()), r.title(), r.controlId(), word(r.category()), word(r.scope()),
                r.scope() == Remediation.Scope.GROUP ? r.group() : String.join(" ", r.devices()), word(r.priority()),
                r.due() == null ? "attention required" : text(r.due()), word(r.status()), word(r.completion()),
                text(r.completed()), Integer.toString(r.targetDevices()), Integer.toString(r.fixedDevices()),
                r.requester(), text(r.created()), r.notes(), text(r.updated()), r.updatedBy(), text(r.cancelled()),
                r.cancelledBy());
    }

    @Override
    public List<String> exceptionRow(StoredException s, Instant now) {
        ControlException e = s.exception();
        return Arrays.asList(e.id(), e.controlId(), word(e.scope()), e.target(), word(e.justification()), e.author(),
                text(e.created()), text(e.expires()), word(s.status(now)), e.notes(), text(s.updated()),
                s.updatedBy(), text(s.cancelled()), s.cancelledBy());
    }

    @Override
    public byte[] activities(List<Remediation> activities) {
        List<List<String>> rows = new ArrayList<>();
        activities.forEach(r -> rows.add(activityRow(r)));
        return csv(ACTIVITY_COLUMNS, rows);
    }

    @Override
    public byte[] exceptions(List<StoredException> exceptions, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        exceptions.forEach(e -> rows.add(exceptionRow(e, now)));
        return csv(EXCEPTION_COLUMNS, rows);
    }

    private byte[] csv(List<String> columns, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.writeCsv(columns, rows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: does not happen
        }
        return out.toByteArray();
    }

    /** @return a constant as a lower-case word with hyphens, e.g. {@code system-confirmation} */
    private static String word(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String text(LocalDate d) {
        return d.toString();
    }
}
