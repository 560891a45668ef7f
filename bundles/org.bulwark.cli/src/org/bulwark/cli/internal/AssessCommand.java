package org.bulwark.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.BenchmarkLoader;
import org.bulwark.collector.api.Category;
import org.bulwark.operations.api.AssessOrder;
import org.bulwark.operations.api.AssessOutcome;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.ReportSink;
import org.bulwark.operations.api.StoreOpener;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.report.api.ReportedExposure;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;
import org.bulwark.scoring.api.CollectorRun;
import org.bulwark.scoring.api.ControlException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark assess}: assess this machine (or a mounted filesystem) and report its secure score. */
@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Assess this machine (or the filesystem under --root) and report its secure score.",
                "With --format text (the default) the summary goes to the terminal and the full report is saved "
                        + "as JSON and HTML under the data directory." })
final class AssessCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, csv (one row per recommendation), html, upload (what --upload sends a fleet "
                    + "server, docs/upload.schema.json; e.g. to send it later with curl), junit (JUnit XML, one test "
                    + "case per control) or sarif (SARIF 2.1.0) for CI pipelines; with --scap also xccdf (an XCCDF 1.2 results file) "
                    + "or arf (an ARF 1.1 report with the OVAL results), as oscap writes them. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE",
            description = "Write the report to FILE (replaced atomically) instead of standard output.")
    Path output;

    @Option(names = "--category", split = ",", paramLabel = "CATEGORY", converter = CategoryConverter.class,
            description = "Assess only these categories: application, operating-system, network, accounts, "
                    + "security-controls. Repeat or separate with commas.")
    List<Category> categories = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "The filesystem to assess: / for this machine (default), or a mounted image, chroot or "
                    + "container root. Facts of a running system are NOT_CHECKED for a mounted filesystem.")
    Path root;

    @Option(names = "--benchmark", paramLabel = "FILE", split = ",",
            description = "Use the controls of these content files instead of the installed content.")
    List<Path> benchmarks = new ArrayList<>();

    @Option(names = "--scap", paramLabel = "FILE",
            description = "Assess the rules of a SCAP 1.2/1.3 source data stream (or XCCDF 1.2 benchmark) instead of "
                    + "the installed content: one control per rule of --profile, judged by Bulwark's OVAL evaluator.")
    Path scap;

    @Option(names = "--profile", paramLabel = "ID", description = "With --scap: the XCCDF profile (see `bulwark "
            + "scap profiles`). Default: the benchmark's own selection.")
    String scapProfile;

    @Option(names = "--tailoring", paramLabel = "FILE", description = "With --scap: an XCCDF 1.2 tailoring file; "
            + "--profile may name one of its profiles.")
    Path scapTailoring;

    @Option(names = "--assume-platform", paramLabel = "CPE", split = ",", description = "With --scap: take this "
            + "CPE platform as true of the target without its check, e.g. cpe:/o:debian:debian_linux:11 to run the "
            + "Debian 11 stream on Debian 12; the evidence of every rule it decides says so.")
    List<String> assumedPlatforms = new ArrayList<>();

    @Option(names = "--exceptions", paramLabel = "FILE",
            description = "Apply the exceptions in this JSON file (see the README, \"Exceptions\").")
    Path exceptionsFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each collector may run. Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--fail-under", paramLabel = "SCORE", description = "Exit with code 7 when the secure score is "
            + "below SCORE (0 to 100), or there is no score, so that a pipeline can gate on posture; the report is "
            + "written (and stored) first.")
    Double failUnder;

    @Option(names = "--no-save", description = "With --format text, do not save the full report.")
    boolean noSave;

    @Option(names = "--no-store", description = "Do not use the store: the assessment is not kept, and stored "
            + "exceptions are not applied.")
    boolean noStore;

    @Option(names = "--upload", paramLabel = "URL", description = "Send the assessment to a fleet server, e.g. "
            + "https://server:8443 or http://server:8080 (bulwark serve); needs --token. Retried with the same upload "
            + "id, so it is stored once.")
    java.net.URI upload;

    @Option(names = "--upload-truststore", paramLabel = "FILE", description = "For an https:// --upload URL: trust "
            + "only these certificates (a PEM file, or a PKCS12/JKS keystore with its password in "
            + "$BULWARK_UPLOAD_TRUSTSTORE_PASSWORD), e.g. a self-signed server's. Default: the JDK's trust store.")
    Path uploadTruststore;

    /** {@code xccdf} or {@code arf}: the SCAP results are the report; {@code null}: a Bulwark report. */
    private String scapFormat;

    /** The prepared {@code --scap} content, while it is assessed. */
    private ScapContentUse scapUse;

    /** What {@link #uploadTruststore} trusts, read before the assessment; {@code null}: the JDK's trust store. */
    private javax.net.ssl.SSLContext uploadTrust;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The agent token for --upload (bulwark token "
            + "create --role agent). Default: $BULWARK_TOKEN, else token in bulwark.conf.")
    String token;

    AssessCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        ReportFormat reportFormat;
        if (format.equalsIgnoreCase("xccdf") || format.equalsIgnoreCase("arf")) {
            if (scap == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--format " + format + " needs --scap: it writes the results of SCAP content");
            }
            scapFormat = format.toLowerCase(Locale.ROOT);
            reportFormat = ReportFormat.JSON; // not written: the SCAP results are
        } else {
            try {
                reportFormat = ReportFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                        + " (with --scap also xccdf, arf)");
            }
        }
        if (upload != null) {
            String scheme = upload.getScheme() == null ? "" : upload.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || upload.getHost() == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--upload needs an http:// or https:// URL, not " + upload);
            }
            if (uploadTruststore != null) {
                if (!scheme.equals("https")) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--upload-truststore is for an https:// --upload URL");
                }
                // before the assessment: a truststore that cannot be used would lose the upload at the end
                uploadTrust = Uploader.trusting(uploadTruststore);
            }
        } else if (uploadTruststore != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--upload-truststore needs --upload");
        }
        if (upload != null && (token == null || token.isBlank())) {
            token = System.getenv("BULWARK_TOKEN");
            if (token == null || token.isBlank()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--upload needs --token");
            }
        }
        if (scap == null && (scapProfile != null || scapTailoring != null || !assumedPlatforms.isEmpty())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--profile, --tailoring and --assume-platform need --scap");
        }
        if (scap != null && !benchmarks.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--scap and --benchmark cannot be combined");
        }
        if (failUnder != null && !(failUnder >= 0 && failUnder <= 100)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--fail-under must be a score from 0 to 100, not " + failUnder);
        }
        List<ControlException> exceptions = exceptionsFile == null ? List.of() : readExceptions(exceptionsFile);
        if (scap == null) {
            return assess(loadContent(), exceptions, reportFormat);
        }
        ScapContentUse prepared;
        try {
            prepared = ScapContentUse.prepare(services, scap, scapTailoring, scapProfile, assumedPlatforms);
        } catch (NoClassDefFoundError e) {
            throw new CliException(ExitCodes.IO, "SCAP support (the org.bulwark.scap.content bundle) is not "
                    + "installed in this runtime");
        }
        try (prepared) {
            scapUse = prepared;
            return assess(List.of(prepared.benchmark()), exceptions, reportFormat);
        }
    }

    private int assess(List<Benchmark> content, List<ControlException> exceptions, ReportFormat reportFormat)
            throws Exception {
        Location location = store.location(services);
        StoreOpener opener = noStore ? null : services.get(Locations.class).opener(location);
        PrintWriter err = spec.commandLine().getErr();
        AssessmentListener listener = Boolean.getBoolean("bulwark.progress") ? new Progress(err)
                : AssessmentListener.NONE;
        AssessOutcome outcome;
        try {
            outcome = services.get(Assessments.class).assess(new AssessOrder(root,
                    categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories), content,
                    Duration.ofSeconds(timeoutSeconds), exceptions), opener,
                    new ReportSink() {
                        @Override
                        public void write(Assessment a) throws IOException {
                            report(a, reportFormat, location, null);
                        }

                        @Override
                        public void write(Assessment a, ReportedExposure exposure) throws IOException {
                            report(a, reportFormat, location, exposure);
                        }
                    }, listener);
        } catch (OperationException e) {
            throw StoreOptions.refused(e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, e.getMessage());
        }
        Assessment assessment = outcome.assessment();
        for (String warning : outcome.warnings()) {
            err.println("bulwark: warning: " + warning);
        }
        if (outcome.stored() != null) {
            err.println("bulwark: stored as assessment #" + outcome.stored().id() + " (`bulwark history`)");
        } else if (outcome.storeFailure() != null) {
            // after the report: a store that fails does not cost the user the assessment
            err.println("bulwark: the report was written, but the assessment was not stored: "
                    + outcome.storeFailure().getMessage());
        }
        if (upload != null) {
            ByteArrayOutputStream document = new ByteArrayOutputStream();
            services.get(ReportWriter.class).write(assessment, ReportFormat.UPLOAD, document, null);
            Uploader.upload(upload, token, document.toByteArray(), uploadTrust, err);
        }
        if (outcome.storeFailure() != null) {
            return ExitCodes.STORE;
        }
        if (failUnder != null) {
            org.bulwark.scoring.api.Points points = assessment.score().points();
            if (!points.hasScore() || points.score() < failUnder) {
                err.println("bulwark: the secure score " + (points.hasScore() ? Figures.score(points) : "(none: "
                        + "nothing was counted)") + " is below --fail-under " + Figures.number(failUnder, 4));
                return ExitCodes.BELOW_THRESHOLD;
            }
        }
        return assessment.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    /** Writes the report: to standard output or {@code --output}; with text, the full report under the data directory. */
    private void report(Assessment assessment, ReportFormat reportFormat, Location location,
            ReportedExposure exposure) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (assessment.controls().isEmpty()) {
            err.println("bulwark: no controls to assess (is benchmark content installed? see `bulwark controls`)");
        }
        for (String problem : assessment.problems()) {
            err.println("bulwark: warning: " + problem);
        }
        ReportWriter writer = services.get(ReportWriter.class);
        String fullReport = null;
        if (reportFormat == ReportFormat.TEXT && !noSave) {
            fullReport = saveFullReport(writer, assessment, location.reports(), exposure);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        if (scapFormat != null) {
            scapUse.write(assessment, scapFormat, buffer);
        } else {
            writer.write(assessment, reportFormat, buffer, fullReport, exposure);
        }
        if (output == null) {
            OutputStream out = System.out;
            spec.commandLine().getOut().flush();
            out.write(buffer.toByteArray());
            out.flush();
        } else {
            services.get(FileOutput.class).replace(output, buffer.toByteArray());
            err.println("bulwark: " + (scapFormat != null ? scapFormat : reportFormat.name().toLowerCase(Locale.ROOT))
                    + " report written to " + output);
        }
        for (CollectorRun run : assessment.collectors()) {
            if (run.outcome() != CollectorRun.Outcome.OK && run.outcome() != CollectorRun.Outcome.SKIPPED) {
                err.println("bulwark: collector " + run.collectorId() + " (" + run.bundle() + ") " + run.message());
            }
        }
        err.flush();
    }

    /** @return the exceptions of an exceptions file; any error rejects the whole file (exit code 3) */
    private List<ControlException> readExceptions(Path file) {
        String rejected = "exceptions rejected, nothing assessed: ";
        byte[] bytes;
        try {
            bytes = InputFiles.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException(ExitCodes.CONTENT, rejected + file + ": no such file");
        } catch (IOException e) {
            throw new CliException(ExitCodes.CONTENT, rejected + file + ": cannot read: " + e.getMessage());
        }
        try {
            return services.get(EntityJson.class).readExceptionsFile(file.toString(), bytes);
        } catch (OperationException e) {
            throw new CliException(ExitCodes.CONTENT, rejected + e.getMessage());
        }
    }

    private List<Benchmark> loadContent() {
        List<Benchmark> content = new ArrayList<>();
        if (benchmarks.isEmpty()) {
            return content;
        }
        BenchmarkLoader loader = services.get(BenchmarkLoader.class);
        for (Path file : benchmarks) {
            try {
                content.add(loader.load(file));
            } catch (BenchmarkException e) {
                throw new CliException(ExitCodes.CONTENT, "benchmark content rejected, nothing assessed: "
                        + e.getMessage());
            }
        }
        return content;
    }

    /** Saves JSON and HTML under the data directory; returns the HTML path for the summary's last line. */
    private String saveFullReport(ReportWriter writer, Assessment assessment, Path dir, ReportedExposure exposure)
            throws IOException {
        String base = safe(assessment.device().hostname()) + "-" + STAMP.format(assessment.finished());
        Path json = dir.resolve(base + ".json");
        Path html = dir.resolve(base + ".html");
        for (var target : List.of(java.util.Map.entry(json, ReportFormat.JSON),
                java.util.Map.entry(html, ReportFormat.HTML))) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            writer.write(assessment, target.getValue(), buffer, null, exposure);
            services.get(FileOutput.class).replace(target.getKey(), buffer.toByteArray());
        }
        return html + " (and " + json.getFileName() + ")";
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Shows collector progress on a terminal's stderr. */
    private static final class Progress implements AssessmentListener {
        private final PrintWriter err;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void started(int total) {
            err.printf("\rcollecting: 0/%d collectors", total);
            err.flush();
        }

        @Override
        public synchronized void collectorFinished(CollectorRun run, int done, int total) {
            err.printf("\r\033[Kcollecting: %d/%d collectors (%s %s)", done, total, run.collectorId(),
                    run.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (done == total) {
                err.print("\r\033[K");
            }
            err.flush();
        }
    }
}
