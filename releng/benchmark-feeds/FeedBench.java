import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bulwark.vulnerability.api.DeviceContext;
import org.bulwark.vulnerability.api.DeviceFindings;
import org.bulwark.vulnerability.api.DeviceRelease;
import org.bulwark.vulnerability.api.FeedInfo;
import org.bulwark.vulnerability.api.InstalledPackage;
import org.bulwark.vulnerability.api.MatchRequest;
import org.bulwark.vulnerability.api.MatchResult;
import org.bulwark.vulnerability.debian.internal.AdvisoryIndex;
import org.bulwark.vulnerability.debian.internal.DebianMatcher;
import org.bulwark.vulnerability.debian.internal.DefaultExposureScorer;
import org.bulwark.vulnerability.debian.internal.TrackerReader;

/** Benchmark probe (not a test): reads+indexes a tracker JSON, matches one device, scores a 10,000-device fleet. */
public class FeedBench {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        AdvisoryIndex index = new AdvisoryIndex();
        FeedInfo info = new TrackerReader().read(Path.of(args[0]), index);
        long t1 = System.nanoTime();
        List<InstalledPackage> installed = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] c = line.split(" ");
            installed.add(new InstalledPackage(c[0], "amd64", c[1], c[0], c[1], "install ok installed"));
        }
        DefaultExposureScorer scorer = new DefaultExposureScorer();
        DeviceContext ctx = new DeviceContext(false, DeviceContext.Criticality.NORMAL);
        MatchRequest request = new MatchRequest(new DeviceRelease("Debian", "12", "bookworm", false), installed,
                Map.of(), Map.of(), List.of(), ctx, false);
        long t2 = System.nanoTime();
        MatchResult result = new DebianMatcher(scorer).match(request, index);
        long t3 = System.nanoTime();
        List<DeviceFindings> fleet = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            fleet.add(new DeviceFindings("d" + i, ctx, result.findings()));
        }
        double fleetScore = scorer.fleetScore(fleet).orElse(0.0);
        long t4 = System.nanoTime();
        System.out.printf("records %d, findings %d%n", info.records(), result.findings().size());
        System.out.printf("read_ms %.1f%nmatch_ms %.1f%nfleet_ms %.1f (score %.3f)%n", (t1 - t0) / 1e6,
                (t3 - t2) / 1e6, (t4 - t3) / 1e6, fleetScore);
    }
}
