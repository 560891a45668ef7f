package org.bulwark.collector.linux.network.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.KeyValueConfig;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.SystemdUnits;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * The host firewall as configured to start at boot, from configuration files only (no {@code nft} or
 * {@code iptables} command is run): nftables ({@code /etc/nftables.conf} and {@code nftables.service}), ufw
 * ({@code /etc/ufw/ufw.conf}, {@code /etc/default/ufw}, {@code ufw.service}) and iptables-persistent
 * ({@code /etc/iptables/rules.v4}, {@code netfilter-persistent.service}).
 *
 * <p>Keys: {@code linux.firewall.nftables.input-policy}, {@code linux.firewall.ufw.enabled},
 * {@code linux.firewall.ufw.default-input}, {@code linux.firewall.iptables.input-policy}, the three units as
 * {@code linux.systemd.unit.UNIT}, and the derived {@code linux.firewall.active} (one value per firewall that
 * starts at boot; ABSENT when none) and {@code linux.firewall.default-deny} ({@code yes} when an active
 * firewall drops or rejects unmatched inbound traffic, else {@code no}; ABSENT when none is active).
 */
@Component(service = Collector.class)
public final class FirewallCollector extends LinuxCollector {

    static final String NFTABLES_CONF = "/etc/nftables.conf";
    static final String RULES_V4 = "/etc/iptables/rules.v4";

    private static final Set<String> PROVIDES = Set.of("linux.firewall.nftables.input-policy",
            "linux.firewall.ufw.enabled", "linux.firewall.ufw.default-input", "linux.firewall.iptables.input-policy",
            "linux.systemd.unit.nftables.service", "linux.systemd.unit.ufw.service",
            "linux.systemd.unit.netfilter-persistent.service", "linux.firewall.active", "linux.firewall.default-deny");

    private static final Pattern INPUT_HOOK = Pattern.compile("hook\\s+input\\b");
    private static final Pattern POLICY = Pattern.compile("policy\\s+(\\w+)");

    public FirewallCollector() {
        super("linux.network.firewall", Category.NETWORK, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        Path root = context.root();
        Observation nftPolicy = nftablesInputPolicy(root);
        KeyValueConfig ufwConf = KeyValueConfig.read(root, "/etc/ufw/ufw.conf", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false);
        Observation ufwEnabled = lower(ufwConf.observe("linux.firewall.ufw.enabled", "ENABLED",
                Source.file("/etc/ufw/ufw.conf", 0)));
        KeyValueConfig ufwDefault = KeyValueConfig.read(root, "/etc/default/ufw", KeyValueConfig.Syntax.EQUALS,
                KeyValueConfig.Wins.LAST, false);
        Observation ufwInput = lower(ufwDefault.observe("linux.firewall.ufw.default-input", "DEFAULT_INPUT_POLICY",
                Source.file("/etc/default/ufw", 0)));
        Observation iptPolicy = iptablesInputPolicy(root);
        Observation nftUnit = SystemdUnits.observeState(root, "linux.systemd.unit.nftables.service", "nftables.service");
        Observation ufwUnit = SystemdUnits.observeState(root, "linux.systemd.unit.ufw.service", "ufw.service");
        Observation iptUnit = SystemdUnits.observeState(root, "linux.systemd.unit.netfilter-persistent.service",
                "netfilter-persistent.service");

        List<String> active = new ArrayList<>();
        List<String> denying = new ArrayList<>();
        List<Observation> undecided = new ArrayList<>();
        consider("nftables", enabled(nftUnit), nftPolicy, active, denying, undecided);
        consider("ufw", enabled(ufwUnit) && is(ufwEnabled, "yes"), ufwInput, active, denying, undecided);
        consider("iptables", enabled(iptUnit), iptPolicy, active, denying, undecided);
        Source derived = Source.derived("from nftables, ufw and iptables-persistent configuration and unit links");
        Observation activeObs = active.isEmpty()
                ? Observation.absent("linux.firewall.active", derived, "no firewall is configured to start at boot")
                : Observation.ofAll("linux.firewall.active", active, derived);
        Observation deny;
        if (!denying.isEmpty()) {
            deny = Observation.of("linux.firewall.default-deny", "yes", derived.withDetail("input policy drops: "
                    + String.join(", ", denying)));
        } else if (!undecided.isEmpty()) {
            Observation u = undecided.get(0);
            deny = new Observation("linux.firewall.default-deny", u.state(), List.of(), u.source(), u.reason(), List.of());
        } else if (active.isEmpty()) {
            deny = Observation.absent("linux.firewall.default-deny", derived, "no firewall is configured to start at boot");
        } else {
            deny = Observation.of("linux.firewall.default-deny", "no", derived);
        }
        return List.of(nftPolicy, ufwEnabled, ufwInput, iptPolicy, nftUnit, ufwUnit, iptUnit, activeObs, deny);
    }

    private static void consider(String name, boolean starts, Observation policy, List<String> active,
            List<String> denying, List<Observation> undecided) {
        if (!starts) {
            return;
        }
        active.add(name);
        if (policy.state() == ObservationState.PRESENT) {
            if (policy.value().equals("drop") || policy.value().equals("reject")) {
                denying.add(name);
            }
        } else if (policy.state() != ObservationState.ABSENT) {
            undecided.add(policy);
        }
    }

    private static boolean enabled(Observation unit) {
        return is(unit, "enabled");
    }

    private static boolean is(Observation o, String value) {
        return o.state() == ObservationState.PRESENT && value.equals(o.value());
    }

    private static Observation lower(Observation o) {
        if (o.state() != ObservationState.PRESENT) {
            return o;
        }
        return new Observation(o.key(), o.state(), List.of(o.value().toLowerCase(Locale.ROOT)), o.source(), o.reason(),
                o.others());
    }

    /** The policy of the first base chain hooked on input in {@code /etc/nftables.conf} ({@code accept} if none). */
    static Observation nftablesInputPolicy(Path root) {
        String key = "linux.firewall.nftables.input-policy";
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(root, NFTABLES_CONF);
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(NFTABLES_CONF, 0), e.reason());
        }
        if (file.isEmpty()) {
            return Observation.absent(key, Source.file(NFTABLES_CONF, 0), NFTABLES_CONF + " does not exist");
        }
        List<String> lines = file.get().lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i));
            if (!INPUT_HOOK.matcher(line).find()) {
                continue;
            }
            // the policy is on the hook line or before the end of the chain's statement block
            for (int j = i; j < lines.size(); j++) {
                String l = stripComment(lines.get(j));
                Matcher m = POLICY.matcher(l);
                if (m.find()) {
                    return Observation.of(key, m.group(1).toLowerCase(Locale.ROOT), Source.file(NFTABLES_CONF, j + 1));
                }
                if (j > i && (l.contains("}") || l.contains("hook "))) {
                    break;
                }
            }
            return Observation.of(key, "accept", Source.file(NFTABLES_CONF, i + 1).withDetail("no policy: accept"));
        }
        return Observation.absent(key, Source.file(NFTABLES_CONF, 0), "no chain hooks input in " + NFTABLES_CONF);
    }

    /** The {@code INPUT} policy of the {@code *filter} table in {@code /etc/iptables/rules.v4}. */
    static Observation iptablesInputPolicy(Path root) {
        String key = "linux.firewall.iptables.input-policy";
        Optional<TextFile> file;
        try {
            file = TargetFiles.read(root, RULES_V4);
        } catch (UnreadableException e) {
            return Observation.unreadable(key, Source.file(RULES_V4, 0), e.reason());
        }
        if (file.isEmpty()) {
            return Observation.absent(key, Source.file(RULES_V4, 0), RULES_V4 + " does not exist");
        }
        boolean filter = false;
        List<String> lines = file.get().lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("*")) {
                filter = line.equals("*filter");
            } else if (filter && (line.equals(":INPUT") || line.startsWith(":INPUT "))) {
                String[] f = line.split("\\s+");
                if (f.length < 2) {
                    return Observation.unparseable(key, Source.file(RULES_V4, i + 1), RULES_V4 + ":" + (i + 1)
                            + ": INPUT chain without a policy");
                }
                return Observation.of(key, f[1].toLowerCase(Locale.ROOT), Source.file(RULES_V4, i + 1));
            }
        }
        return Observation.absent(key, Source.file(RULES_V4, 0), "no INPUT chain in the filter table of " + RULES_V4);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
