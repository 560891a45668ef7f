package org.bulwark.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.content.ScapAssessment;
import org.bulwark.scap.content.ScapBenchmarks;
import org.bulwark.scap.content.ScapSelection;

/**
 * The only class of {@code assess} that touches the SCAP content API: {@code --scap} content prepared as Bulwark
 * content, its collector registered until {@link #close()}.
 */
final class ScapContentUse implements AutoCloseable {

    private final ScapAssessment prepared;

    private ScapContentUse(ScapAssessment prepared) {
        this.prepared = prepared;
    }

    /** @throws CliException exit code 3 naming the file, line and element (or the profile) of bad content */
    static ScapContentUse prepare(Services services, Path content, Path tailoring, String profile,
            List<String> assumedPlatforms) {
        try {
            return new ScapContentUse(services.get(ScapBenchmarks.class).prepare(new ScapSelection(content,
                    Optional.ofNullable(tailoring), Optional.ofNullable(profile), Set.copyOf(assumedPlatforms))));
        } catch (ScapContentException e) {
            throw new CliException(ExitCodes.CONTENT, "SCAP content rejected, nothing assessed: " + e.getMessage());
        }
    }

    Benchmark benchmark() {
        return prepared.benchmark();
    }

    @Override
    public void close() {
        prepared.close();
    }
}
