package org.bulwark.example.docker.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Docker daemon hardening: reads {@code /etc/docker/daemon.json} (below the target root) and reports the
 * settings the example controls check, with dockerd's built-in default where the file does not set one.
 * Stateless and read-only, as the collector contract requires.
 */
@Component(service = Collector.class)
public final class DockerDaemonCollector implements Collector {

    static final String FILE = "/etc/docker/daemon.json";
    static final String DOCKERD = "/usr/bin/dockerd";

    static final String INSTALLED = "docker.daemon.installed";
    static final String ICC = "docker.daemon.icc";
    static final String NO_NEW_PRIVILEGES = "docker.daemon.no-new-privileges";
    static final String LIVE_RESTORE = "docker.daemon.live-restore";
    static final String USERNS_REMAP = "docker.daemon.userns-remap";
    static final String INSECURE_TCP = "docker.daemon.insecure-tcp";

    /** daemon.json setting, observation key and dockerd's default (null: no default, the fact is absent). */
    private record Setting(String name, String key, String defaultValue) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("icc", ICC, "true"),
            new Setting("no-new-privileges", NO_NEW_PRIVILEGES, "false"),
            new Setting("live-restore", LIVE_RESTORE, "false"),
            new Setting("userns-remap", USERNS_REMAP, null));

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public String id() {
        return "docker.daemon";
    }

    @Override
    public Category category() {
        return Category.APPLICATION;
    }

    @Override
    public Set<String> provides() {
        return Set.of(INSTALLED, ICC, NO_NEW_PRIVILEGES, LIVE_RESTORE, USERNS_REMAP, INSECURE_TCP);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        List<Observation> out = new ArrayList<>();
        boolean installed = Files.exists(context.resolve(DOCKERD));
        out.add(Observation.of(INSTALLED, Boolean.toString(installed), Source.file(DOCKERD, 0)
                .withDetail(installed ? "dockerd is installed" : "no dockerd")));

        Path file = context.resolve(FILE);
        JsonNode config;
        try (InputStream in = Files.newInputStream(file)) {
            config = json.readTree(in);
            if (config == null || !config.isObject()) {
                return failAll(out, k -> Observation.unparseable(k, Source.file(FILE, 1), "not a JSON object"));
            }
        } catch (NoSuchFileException e) {
            config = json.createObjectNode(); // nothing configured: every setting has dockerd's default
        } catch (AccessDeniedException e) {
            return failAll(out, k -> Observation.unreadable(k, Source.file(FILE, 0), "permission denied"));
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : Math.max(0, where.getLineNr());
            return failAll(out, k -> Observation.unparseable(k, Source.file(FILE, line), e.getOriginalMessage()));
        } catch (IOException e) {
            return failAll(out, k -> Observation.unreadable(k, Source.file(FILE, 0), e.toString()));
        }

        for (Setting s : SETTINGS) {
            JsonNode value = config.get(s.name());
            if (value != null && !value.isNull()) {
                out.add(Observation.of(s.key(), value.asText(), Source.file(FILE, 0).withDetail("\"" + s.name() + "\"")));
            } else if (s.defaultValue() != null) {
                out.add(Observation.of(s.key(), s.defaultValue(), Source.builtInDefault("dockerd")));
            } else {
                out.add(Observation.absent(s.key(), Source.file(FILE, 0), s.name() + " is not set"));
            }
        }
        // A TCP socket without TLS verification gives root on the host to anyone who can reach it.
        boolean tcp = false;
        for (JsonNode host : config.path("hosts")) {
            tcp |= host.asText().startsWith("tcp://");
        }
        boolean verified = config.path("tlsverify").asBoolean(false);
        out.add(Observation.of(INSECURE_TCP, Boolean.toString(tcp && !verified),
                Source.derived("\"hosts\" has a tcp:// socket: " + tcp + "; \"tlsverify\": " + verified)));
        return out;
    }

    /** Every daemon.json key is reported the same way when the file cannot be used. */
    private static List<Observation> failAll(List<Observation> out, java.util.function.Function<String, Observation> f) {
        for (Setting s : SETTINGS) {
            out.add(f.apply(s.key()));
        }
        out.add(f.apply(INSECURE_TCP));
        return out;
    }
}
