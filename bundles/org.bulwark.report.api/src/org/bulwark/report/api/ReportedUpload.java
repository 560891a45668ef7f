package org.bulwark.report.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bulwark.collector.api.PlatformFacts;
import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.ResultState;

/**
 * What a fleet server needs of an agent's upload ({@link ReportReader#readUpload}): the device, when it was
 * assessed and each control's state. Titles, categories and weights come from the server's own content.
 *
 * @param device     the device as the agent reported it (id, host name, OS, groups)
 * @param assessedAt when the assessment finished
 * @param states     the result state per control id, in the upload's order (unmodifiable)
 * @param software   the device's software inventories (since 1.4; empty in an upload written before them)
 * @param platform   the target's platform as the agent probed it (distribution id and version, …), {@code null}
 *                   when the document has none (since 1.4)
 * @since 1.2
 */
public record ReportedUpload(Device device, Instant assessedAt, Map<String, ResultState> states,
        List<SoftwareInventory> software, PlatformFacts platform) {

    public ReportedUpload {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(assessedAt, "assessedAt");
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        software = List.copyOf(software);
    }

    /** An upload without software inventories. */
    public ReportedUpload(Device device, Instant assessedAt, Map<String, ResultState> states) {
        this(device, assessedAt, states, List.of(), null);
    }

    /** @return the device's results as scoring takes them */
    public DeviceResults results() {
        return new DeviceResults(device, assessedAt, states);
    }
}
