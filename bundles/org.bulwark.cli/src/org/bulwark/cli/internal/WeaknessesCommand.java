package org.bulwark.cli.internal;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.bulwark.operations.api.DeviceExposure;
import org.bulwark.operations.api.ExceptedFinding;
import org.bulwark.operations.api.ExposureReport;
import org.bulwark.operations.api.FeedAge;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.scoring.api.Device;
import org.bulwark.vulnerability.api.Finding;
import org.bulwark.vulnerability.api.SoftwareRecommendation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark weaknesses}: the stored devices' vulnerabilities, exposure score and software updates. */
@Command(name = "weaknesses", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Match each stored device's newest software inventory against the imported feeds (bulwark feeds import): "
                + "its open vulnerabilities, its exposure score (0 to 100, lower is better; the secure score stays "
                + "configuration only) and the software updates that lower it most.",
        "A device whose inventory could not be read, or whose release the feeds do not cover, is listed with the "
                + "reason and no score; a feed older than 7 days marks the whole exposure as stale." })
final class WeaknessesCommand extends StoreCommand {

    @Option(names = "--device", paramLabel = "DEVICE", description = "Only this device (machine id or host name), "
            + "with every finding.")
    String device;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "How many software recommendations to list. Default: ${DEFAULT-VALUE}.")
    int top;

    @Mixin
    FormatOption format = new FormatOption();

    WeaknessesCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        if (top < 0) {
            throw usage("--top must not be negative");
        }
        VulnerabilityOperations ops = services.get(VulnerabilityOperations.class);
        ExposureReport report = use(db -> {
            if (device == null) {
                return ops.exposure(db, d -> true, Instant.now());
            }
            String only = null;
            for (Device d : db.devices()) { // by machine id first, else by host name
                if (d.id().equals(device) || only == null && d.hostname().equals(device)) {
                    only = d.id();
                }
            }
            if (only == null) {
                throw new CliException(ExitCodes.USAGE,
                        "--device: no stored device has the machine id or host name '" + device + "'");
            }
            return ops.exposure(db, only::equals, Instant.now());
        });
        if (json) {
            printJson(json().exposure(report));
            return ExitCodes.OK;
        }
        print("Exposure score " + report.score().map(s -> Figures.number(s, 1) + " (" + report.band().get() + ")")
                .orElse(Figures.NO_SCORE) + " over " + report.devices().stream().filter(d -> d.score().isPresent())
                        .count() + " of " + report.devices().size() + " devices with an inventory"
                + (report.stale() ? "  — STALE: " + staleness(report) : ""));
        for (DeviceExposure d : report.devices()) {
            print(String.format("  %-24s %-24s %s", d.hostname(), d.release(), d.score()
                    .map(s -> Figures.number(s, 1) + " " + d.band().get() + ", " + d.findings().size() + " findings"
                            + (d.undetermined().isEmpty() ? "" : ", " + d.undetermined().size() + " undetermined")
                            + (d.excepted().isEmpty() ? "" : ", " + d.excepted().size() + " excepted"))
                    .orElse("not matched: " + d.reason())));
            if (device != null) {
                findings(d.findings());
                excepted(d.excepted());
                d.problems().forEach(p -> print("    problem: " + p.sourcePackage() + " " + p.vulnId() + ": "
                        + p.reason()));
            }
        }
        List<SoftwareRecommendation> recs = report.recommendations();
        if (!recs.isEmpty() && top > 0) {
            print("");
            print("Software recommendations (" + Math.min(top, recs.size()) + " of " + recs.size() + ")");
            print(String.format("  %7s  %7s  %8s  %s", "impact", "devices", "findings", "recommendation"));
            for (SoftwareRecommendation s : recs.subList(0, Math.min(top, recs.size()))) {
                print(String.format("  %7s  %7d  %8d  %s", Figures.number(s.exposureImpact(), 2),
                        s.exposedDevices(), s.findings().size(), s.name()));
            }
        }
        return ExitCodes.OK;
    }

    private void findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        String row = "    %-18s %-24s %-26s %-26s %-12s %-10s %s";
        print(String.format(row, "ID", "SOURCE", "INSTALLED", "FIXED IN", "STATE", "SEVERITY", "RISK"));
        for (Finding f : findings) {
            print(String.format(row, f.vulnId(), f.sourcePackage(), f.installedSourceVersion(),
                    f.fixedVersion().orElse("—"), f.state(), f.severity(), Figures.number(f.risk(), 3)));
        }
    }

    private void excepted(List<ExceptedFinding> excepted) {
        if (excepted.isEmpty()) {
            return;
        }
        print("    excepted:");
        for (ExceptedFinding x : excepted) {
            Finding f = x.finding();
            print(String.format("    %-18s %-24s %s %s (%s)%s", f.vulnId(), f.sourcePackage(), x.exception().id(),
                    Figures.word(x.exception().justification()), x.credited() ? "not counted" : "still counted",
                    x.exception().expires() == null ? "" : ", expires " + x.exception().expires()));
        }
    }

    private static String staleness(ExposureReport r) {
        String old = r.feeds().stream().filter(FeedAge::stale).map(a -> a.feed().kind() + " is "
                + a.age().toDays() + " days old").collect(Collectors.joining(", "));
        return old.isEmpty() ? "no advisory feed is imported (bulwark feeds import)" : old;
    }
}
