package org.bulwark.collector.linux.network.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.SshdConfig;
import org.osgi.service.component.annotations.Component;

/**
 * The OpenSSH server's effective global settings, {@code linux.sshd.KEYWORD} (lower-case keyword, lower-case
 * value except paths), with the file and line that set each or OpenSSH's built-in default. {@code Ciphers},
 * {@code MACs} and {@code KexAlgorithms} have one value per algorithm, with {@code +}, {@code -} and
 * {@code ^} applied to the default list as sshd does; {@code AllowUsers}, {@code AllowGroups}, {@code DenyUsers}
 * and {@code DenyGroups} have one value per pattern from every line, since those lines add up.
 */
@Component(service = Collector.class)
public final class SshdCollector extends LinuxCollector {

    /** Whose defaults {@link #DEFAULTS} are. */
    static final String DEFAULTS_OF = "OpenSSH 9.2 built-in default";

    static final String DEFAULT_CIPHERS = "chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,"
            + "aes128-gcm@openssh.com,aes256-gcm@openssh.com";
    static final String DEFAULT_MACS = "umac-64-etm@openssh.com,umac-128-etm@openssh.com,"
            + "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha1-etm@openssh.com,"
            + "umac-64@openssh.com,umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1";
    static final String DEFAULT_KEX = "sntrup761x25519-sha512@openssh.com,curve25519-sha256,"
            + "curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,"
            + "diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,"
            + "diffie-hellman-group14-sha256";

    /** Keyword (lower-case) to built-in default; {@code null}: no default, ABSENT when unset. */
    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("permitrootlogin", "prohibit-password");
        defaults.put("passwordauthentication", "yes");
        defaults.put("permitemptypasswords", "no");
        defaults.put("maxauthtries", "6");
        defaults.put("x11forwarding", "no");
        defaults.put("loglevel", "info");
        defaults.put("ignorerhosts", "yes");
        defaults.put("hostbasedauthentication", "no");
        defaults.put("permituserenvironment", "no");
        defaults.put("clientaliveinterval", "0");
        defaults.put("clientalivecountmax", "3");
        defaults.put("logingracetime", "120");
        defaults.put("maxstartups", "10:30:100");
        defaults.put("maxsessions", "10");
        defaults.put("banner", "none");
        defaults.put("usepam", "no");
        defaults.put("allowtcpforwarding", "yes");
        defaults.put("disableforwarding", "no");
        defaults.put("gssapiauthentication", "no");
        defaults.put("kbdinteractiveauthentication", "yes");
        defaults.put("pubkeyauthentication", "yes");
        defaults.put("ciphers", DEFAULT_CIPHERS);
        defaults.put("macs", DEFAULT_MACS);
        defaults.put("kexalgorithms", DEFAULT_KEX);
        defaults.put("allowusers", null);
        defaults.put("allowgroups", null);
        defaults.put("denyusers", null);
        defaults.put("denygroups", null);
        DEFAULTS = java.util.Collections.unmodifiableMap(defaults);
    }

    private static final Set<String> LISTS = Set.of("ciphers", "macs", "kexalgorithms");

    /** Keywords whose lines add up instead of the first one winning; one value per pattern. */
    private static final Set<String> ACCUMULATING = Set.of("allowusers", "allowgroups", "denyusers", "denygroups");

    private static final Set<String> PROVIDES;

    static {
        Set<String> keys = new LinkedHashSet<>();
        DEFAULTS.keySet().forEach(k -> keys.add("linux.sshd." + k));
        PROVIDES = Set.copyOf(keys);
    }

    public SshdCollector() {
        super("linux.network.sshd", Category.NETWORK, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        SshdConfig config = SshdConfig.read(context.root());
        List<Observation> result = new ArrayList<>();
        for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
            if (context.isCancelled()) {
                break;
            }
            String keyword = e.getKey();
            if (ACCUMULATING.contains(keyword)) {
                result.add(config.observeAccumulated("linux.sshd." + keyword, keyword, DEFAULTS_OF));
                continue;
            }
            Observation raw = config.observe("linux.sshd." + keyword, keyword, e.getValue(), DEFAULTS_OF);
            result.add(normalize(keyword, raw, e.getValue()));
        }
        return result;
    }

    /** Lower-cases values (but not the banner path) and splits algorithm lists, applying +/-/^ to the default. */
    static Observation normalize(String keyword, Observation raw, String dflt) {
        if (raw.state() != ObservationState.PRESENT) {
            return raw;
        }
        String value = keyword.equals("banner") ? raw.value() : raw.value().toLowerCase(Locale.ROOT);
        List<String> values;
        if (LISTS.contains(keyword)) {
            values = algorithms(value, dflt);
        } else {
            values = List.of(value);
        }
        return new Observation(raw.key(), ObservationState.PRESENT, values, raw.source(), raw.reason(), raw.others());
    }

    /** The algorithm list sshd uses for {@code value} given its default list ({@code sshd_config(5)}). */
    static List<String> algorithms(String value, String dflt) {
        List<String> base = new ArrayList<>(Arrays.asList(dflt.split(",")));
        if (value.startsWith("+")) {
            for (String a : value.substring(1).split(",")) {
                if (!base.contains(a)) {
                    base.add(a);
                }
            }
            return base;
        }
        if (value.startsWith("-")) {
            for (String a : value.substring(1).split(",")) {
                Pattern p = Pattern.compile(a.replace(".", "\\.").replace("*", ".*").replace("?", "."));
                base.removeIf(x -> p.matcher(x).matches());
            }
            return base.isEmpty() ? List.of("none") : base;
        }
        if (value.startsWith("^")) {
            List<String> front = new ArrayList<>(Arrays.asList(value.substring(1).split(",")));
            base.removeAll(front);
            front.addAll(base);
            return front;
        }
        return Arrays.asList(value.split(","));
    }
}
