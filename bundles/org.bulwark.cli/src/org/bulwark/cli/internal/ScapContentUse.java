package org.bulwark.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.content.ScapAssessment;
import org.bulwark.scap.content.ScapBenchmarks;
import org.bulwark.scap.content.ScapResultFormat;
import org.bulwark.scap.content.ScapSelection;
import org.bulwark.scoring.api.Assessment;

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

    /**
     * Writes the SCAP results of an assessment of this content.
     *
     * @param format {@code xccdf} or {@code arf}
     * @throws IOException naming the content file when it changed since it was read
     */
    void write(Assessment assessment, String format, OutputStream out) throws IOException {
        prepared.writeResults(assessment, ScapResultFormat.valueOf(format.toUpperCase(Locale.ROOT)), out);
    }

    Benchmark benchmark() {
        return prepared.benchmark();
    }

    @Override
    public void close() {
        prepared.close();
    }
}
