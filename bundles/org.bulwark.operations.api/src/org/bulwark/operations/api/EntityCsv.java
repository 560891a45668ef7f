package org.bulwark.operations.api;

import java.time.Instant;
import java.util.List;

import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.StoredException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The CSV exports of stored entities, as the command line, the workbench and a fleet server write them: snake_case
 * columns, enumerations as lower-case words with hyphens, times in ISO-8601 UTC, escaped as every CSV Bulwark
 * writes ({@code ReportWriter.writeCsv}: RFC 4180, formula injection defused). Stateless, thread-safe.
 */
@ProviderType
public interface EntityCsv {

    /** The columns of an activities export. */
    List<String> ACTIVITY_COLUMNS = List.of("id", "title", "control_id", "category", "scope", "targets",
            "priority", "due", "status", "completion", "completed", "target_devices", "fixed_devices", "requester",
            "created", "notes", "updated", "updated_by", "cancelled", "cancelled_by");

    /** The columns of an exceptions export. */
    List<String> EXCEPTION_COLUMNS = List.of("id", "control_id", "scope", "target", "justification", "author",
            "created", "expires", "status", "notes", "updated", "updated_by", "cancelled", "cancelled_by");

    /**
     * @return the cells of {@code activity} for {@link #ACTIVITY_COLUMNS}: no due date as {@code attention
     *         required}, the targets as device ids separated by spaces or the group's name, {@code null} where
     *         there is nothing
     */
    List<String> activityRow(Remediation activity);

    /** @return the cells of {@code exception} for {@link #EXCEPTION_COLUMNS}, its status as of {@code now} */
    List<String> exceptionRow(StoredException exception, Instant now);

    /** @return the CSV document (UTF-8) of {@code activities}, header first */
    byte[] activities(List<Remediation> activities);

    /** @return the CSV document (UTF-8) of {@code exceptions} with their status at {@code now}, header first */
    byte[] exceptions(List<StoredException> exceptions, Instant now);
}
