package org.bulwark.collector.linux.network.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Collector;
import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.Source;
import org.bulwark.linux.LinuxCollector;
import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.TextFile;
import org.bulwark.linux.UnreadableException;
import org.osgi.service.component.annotations.Component;

/**
 * Sockets listening on every interface, from {@code /proc/net/{tcp,tcp6,udp,udp6}} of a live system:
 * {@code linux.net.listening.wildcard}, one value per socket such as {@code tcp/0.0.0.0:22} or
 * {@code tcp6/[::]:22}, sorted; ABSENT when there is none; UNAVAILABLE on a mounted filesystem.
 */
@Component(service = Collector.class)
public final class ListeningSocketsCollector extends LinuxCollector {

    static final String KEY = "linux.net.listening.wildcard";

    private static final Set<String> PROVIDES = Set.of(KEY);

    public ListeningSocketsCollector() {
        super("linux.network.sockets", Category.NETWORK, PROVIDES);
    }

    @Override
    public List<Observation> collect(AssessmentContext context) {
        if (!context.live()) {
            return List.of(Observation.unavailable(KEY, "listening sockets exist only on a live system"));
        }
        Set<String> sockets = new TreeSet<>();
        boolean any = false;
        for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
            String path = "/proc/net/" + proto;
            Optional<TextFile> file;
            try {
                file = TargetFiles.read(context.root(), path);
            } catch (UnreadableException e) {
                return List.of(Observation.unreadable(KEY, Source.runtime(path), e.reason()));
            }
            if (file.isEmpty()) {
                continue;
            }
            any = true;
            List<String> lines = file.get().lines();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).strip().split("\\s+");
                if (f.length < 4) {
                    continue;
                }
                boolean listening = proto.startsWith("tcp") ? f[3].equals("0A") : f[3].equals("07");
                String[] local = f[1].split(":");
                if (!listening || local.length != 2 || !local[0].matches("0+")) {
                    continue;
                }
                int port = Integer.parseInt(local[1], 16);
                sockets.add(proto + "/" + (proto.endsWith("6") ? "[::]" : "0.0.0.0") + ":" + port);
            }
        }
        if (!any) {
            return List.of(Observation.unavailable(KEY, "/proc/net is not mounted"));
        }
        Source source = Source.runtime("/proc/net").withDetail("tcp, tcp6, udp, udp6");
        return List.of(sockets.isEmpty() ? Observation.absent(KEY, source, "no socket listens on every interface")
                : Observation.ofAll(KEY, new ArrayList<>(sockets), source));
    }
}
