import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import org.bulwark.scap.ScapContent;
import org.bulwark.scap.internal.StaxScapContentReader;

/**
 * Reads one SCAP content file RUNS times with Bulwark's reader in this JVM and prints the first (cold) read,
 * the median of the others (warm), and what was read; with a third argument {@code stax}, the same for a bare
 * pass of the JDK's StAX over the file (every event, no model: the floor of any StAX reader). Used by
 * releng/benchmark-scap.sh; not a test.
 */
public final class ScapBench {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = Math.max(2, Integer.parseInt(args[1]));
        boolean stax = args.length > 2 && args[2].equals("stax");
        StaxScapContentReader reader = new StaxScapContentReader();
        double[] ms = new double[runs];
        ScapContent c = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            if (stax) {
                bare(file);
            } else {
                c = reader.read(file);
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(ms, 1, runs);
        Arrays.sort(warm);
        System.out.printf("cold_ms %.1f%n", ms[0]);
        System.out.printf("warm_ms %.1f%n", warm[warm.length / 2]);
        if (stax) {
            return;
        }
        int rules = c.benchmarks().stream().mapToInt(b -> b.rules().size()).sum();
        int profiles = c.benchmarks().stream().mapToInt(b -> b.profiles().size()).sum();
        int definitions = c.oval().values().stream().mapToInt(d -> d.definitions().size()).sum();
        System.out.printf("content %d rules, %d profiles, %d OVAL definitions, %d CPE items%n", rules, profiles,
                definitions, c.cpeItems().size());
    }

    private static void bare(Path file) throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                r.next();
            }
        }
    }
}
