package org.bulwark.scap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SCAP content file as read.
 *
 * @param file the file's name as given
 * @param scapVersion the data stream's {@code scap-version}, or {@code ""} for a plain XCCDF or OVAL file
 * @param benchmarks the XCCDF benchmarks (a data stream usually holds one)
 * @param oval the OVAL definitions components, by the name a {@code check-content-ref href} uses (the data
 *        stream's catalog name, e.g. {@code ssg-debian11-oval.xml}, or the component id)
 * @param cpeItems the CPE dictionary's items
 */
public record ScapContent(String file, String scapVersion, List<Benchmark> benchmarks, Map<String, OvalDefinitions> oval,
        List<CpeItem> cpeItems) {

    public ScapContent {
        benchmarks = List.copyOf(benchmarks);
        oval = Map.copyOf(oval);
        cpeItems = List.copyOf(cpeItems);
    }

    /** @return the first benchmark, if any */
    public Optional<Benchmark> benchmark() {
        return benchmarks.stream().findFirst();
    }
}
