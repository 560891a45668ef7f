package org.bulwark.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.bulwark.operations.api.AssessOrder;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.ReportSink;
import org.bulwark.report.api.ReportFormat;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.Assessment;
import org.bulwark.scoring.api.AssessmentListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code bulwark agent}: assesses this machine on an interval (with jitter) and uploads each assessment to a fleet
 * server. Every upload goes through the {@link Spool} first, so one the server does not acknowledge (it is down,
 * or the network) is sent on the next run, and a restart sends the spool first; a document is sent with one
 * {@code Upload-Id} however often, so it is stored once. One line per run on stderr. It never remediates.
 */
@Command(name = "agent", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Assess this machine every --interval (plus a random jitter) and upload each assessment to a "
                + "fleet server. Uploads the server does not acknowledge are kept in the spool and sent first on the "
                + "next run (each stored once). One line per run on stderr; --once runs once (for a timer); --watch "
                + "also assesses when a file the last assessment read changes." })
final class AgentCommand extends ServiceCommand {

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "The fleet server, e.g. https://server:8443 (bulwark serve).")
    URI server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the agent token (its first "
            + "line; bulwark token create --role agent). Default: $BULWARK_TOKEN, else token in bulwark.conf.")
    Path tokenFile;

    @Option(names = "--token", hidden = true, paramLabel = "TOKEN")
    String token;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "4h",
            description = "Time between assessments: 90s, 30m, 4h, 1d. Default: ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "10m",
            description = "At most this much random time is added to each interval, so that a fleet's agents do not "
                    + "all upload at once. Default: ${DEFAULT-VALUE}.")
    String jitter;

    @Option(names = "--watch", description = "Also assess when a file the last assessment read changes (its "
            + "configuration files, drop-ins, package database), once --debounce passes without another change; the "
            + "interval still applies.")
    boolean watch;

    @Option(names = "--debounce", paramLabel = "DURATION", defaultValue = "30s",
            description = "With --watch: how long changes must settle before the assessment. Default: "
                    + "${DEFAULT-VALUE}.")
    String debounce;

    @Option(names = "--once", description = "Assess and upload once (sending the spool first), then exit: 0 when "
            + "nothing is left in the spool, 5 when the server did not take everything.")
    boolean once;

    @Option(names = "--spool", paramLabel = "DIR", description = "Where unacknowledged uploads wait. Default: spool "
            + "in the data directory.")
    Path spoolDir;

    @Option(names = "--spool-max", paramLabel = "N", defaultValue = "100",
            description = "The most uploads the spool keeps; beyond, the oldest is dropped with a warning. Default: "
                    + "${DEFAULT-VALUE}.")
    int spoolMax;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Assess the system mounted at DIR. Default: ${DEFAULT-VALUE}.")
    Path root;

    @Option(names = "--upload-truststore", paramLabel = "FILE",
            description = "For an https:// server: trust only these certificates (as for assess --upload).")
    Path truststore;

    @Mixin
    StoreOptions store = new StoreOptions();

    AgentCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || server.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--server needs an http:// or https:// URL, not "
                    + server);
        }
        Duration every = duration("--interval", interval);
        Duration spread = duration("--jitter", jitter);
        Duration settle = duration("--debounce", debounce);
        if (every.isZero() || spoolMax < 1) {
            throw new ParameterException(spec.commandLine(), "--interval must be positive and --spool-max at least 1");
        }
        String secret = token();
        javax.net.ssl.SSLContext trust = truststore == null ? null : Uploader.trusting(truststore);
        Spool spool = new Spool(spoolDir != null ? spoolDir : store.dataDir(services).resolve("spool"), spoolMax,
                services.get(FileOutput.class));
        Spool.Sender sender = (document, uploadId, file) -> {
            Uploader.Sent sent = Uploader.send(server, secret, document, uploadId, trust, 2);
            if (sent.ok()) {
                return Spool.Outcome.SENT;
            }
            if (sent.refusedForGood()) {
                err.println("bulwark: warning: the server refused " + file + " for good, dropped: " + sent.failure());
                return Spool.Outcome.DROPPED;
            }
            err.println("bulwark: agent: " + file + " kept in the spool: " + sent.failure());
            return Spool.Outcome.KEPT;
        };
        int carried = spool.flush(sender); // what an earlier run left, first
        boolean watching = watch && !once;
        while (true) {
            Assessment a = run(spool, sender, err, carried);
            carried = 0;
            if (once) {
                return spool.pending().isEmpty() ? ExitCodes.OK : ExitCodes.IO;
            }
            Duration wait = every.plusMillis(spread.isZero() ? 0 : ThreadLocalRandom.current().nextLong(
                    spread.toMillis() + 1));
            try {
                if (watching) {
                    watching = awaitChange(a, wait, settle, err);
                } else {
                    Thread.sleep(wait.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.OK;
            }
        }
    }

    /**
     * Waits for the interval, or for a change to a file {@code last} read (then for the changes to settle).
     *
     * @return whether to go on watching (false: the platform cannot watch, the interval alone applies)
     */
    private boolean awaitChange(Assessment last, Duration wait, Duration settle, PrintWriter err)
            throws InterruptedException {
        java.util.Set<String> files = ChangeWatch.files(last);
        try (ChangeWatch w = ChangeWatch.of(root, files)) {
            java.nio.file.Path changed = w.await(wait, settle);
            if (changed != null) {
                err.println("bulwark: agent: " + changed + " changed (" + w.directories() + " directories watched)");
                err.flush();
            }
            return true;
        } catch (IOException e) {
            err.println("bulwark: warning: --watch: cannot watch the files assessed (" + e.getMessage()
                    + "); assessing every --interval only");
            err.flush();
            Thread.sleep(wait.toMillis());
            return false;
        }
    }

    /** @param carried how many uploads of earlier runs were sent just before, counted in this run's line */
    private Assessment run(Spool spool, Spool.Sender sender, PrintWriter err, int carried) throws IOException {
        long start = System.nanoTime();
        Assessment a;
        try {
            a = services.get(Assessments.class).assess(AssessOrder.of(root), null, ReportSink.NONE,
                    AssessmentListener.NONE).assessment();
        } catch (OperationException e) {
            throw StoreOptions.refused(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERNAL, "interrupted while assessing");
        }
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        services.get(ReportWriter.class).write(a, ReportFormat.UPLOAD, document, null);
        spool.add(document.toByteArray(), err);
        int sent = carried + spool.flush(sender);
        int left = spool.pending().size();
        err.println("bulwark: agent: assessed " + a.device().hostname() + " (" + a.controls().size() + " controls, "
                + "score " + Figures.score(a.score().points()) + (a.complete() ? "" : ", incomplete") + ") in "
                + (System.nanoTime() - start) / 1_000_000 + " ms; uploaded " + sent + ", " + left + " in the spool");
        err.flush();
        return a;
    }

    private String token() {
        if (tokenFile != null) {
            try {
                String text = new String(InputFiles.read(tokenFile), StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("").strip();
                if (!first.isEmpty()) {
                    return first;
                }
                throw new CliException(ExitCodes.USAGE, "the token file " + tokenFile + " is empty");
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, "cannot read the token file " + tokenFile + ": "
                        + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
            }
        }
        if (token == null || token.isBlank()) {
            throw new ParameterException(spec.commandLine(), "an agent token is needed: --token-file FILE, "
                    + "$BULWARK_TOKEN or token in bulwark.conf");
        }
        return token;
    }

    /** @return {@code text} (90s, 30m, 4h, 1d, or an ISO-8601 duration) as a duration */
    Duration duration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d{1,9}[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // below
        }
        throw new ParameterException(spec.commandLine(), option + ": '" + text + "' is not a duration such as 90s, "
                + "30m, 4h or 1d");
    }
}
