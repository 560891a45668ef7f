import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bulwark.windows.regf.Hive;
import org.bulwark.windows.regf.HiveException;
import org.bulwark.windows.regf.HiveKey;
import org.bulwark.windows.regf.HiveValue;
import org.bulwark.windows.testing.HiveBuilder;

/**
 * The hive benchmark's Java side (run by releng/benchmark-hive.sh with the regf and testing bundle jars):
 * {@code gen FILE TOP PER} writes a SOFTWARE-like hive of TOP x PER keys (a DWORD in each, a string and a 48-byte
 * binary in every tenth, which gives about 160 bytes a key as in a real SOFTWARE hive); {@code walk FILE} opens it with Bulwark's reader and walks every key and value,
 * reading all data, printing the counts and {@code walk_ms}.
 */
public class HiveBench {
    private static long keys;
    private static long values;
    private static long bytes;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("gen")) {
            int top = Integer.parseInt(args[2]);
            int per = Integer.parseInt(args[3]);
            HiveBuilder b = new HiveBuilder();
            for (int t = 0; t < top; t++) {
                String parent = "Microsoft\\Windows\\CurrentVersion\\Components\\C" + String.format("%03d", t);
                for (int k = 0; k < per; k++) {
                    b.key(parent + "\\{" + String.format("%08X-%012d", t, k) + "}").dword("Size", k);
                    if (k % 10 == 0) {
                        b.sz("DisplayName", "Generated component " + t + "." + k).binary("Sig", new byte[48]);
                    }
                }
            }
            Files.write(Path.of(args[1]), b.bytes());
            return;
        }
        long start = System.nanoTime();
        try (Hive hive = Hive.open(Path.of(args[1]))) {
            walk(hive.root());
        }
        long ns = System.nanoTime() - start;
        System.out.println("keys " + keys);
        System.out.println("values " + values);
        System.out.println("data_bytes " + bytes);
        System.out.printf("walk_ms %.1f%n", ns / 1e6);
    }

    private static void walk(HiveKey key) throws HiveException {
        keys++;
        for (HiveValue v : key.values()) {
            values++;
            bytes += v.data().length;
        }
        List<HiveKey> subkeys = key.subkeys();
        for (HiveKey k : subkeys) {
            walk(k);
        }
    }
}
