package org.bulwark.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bulwark.scoring.api.Device;
import org.bulwark.store.api.DevicePlatform;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bulwark device list|set-groups}: the devices the store knows, and their groups. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "The devices the store knows, and the groups they belong to (for group-scoped exceptions and "
                + "remediation activities).",
        subcommands = { DeviceCommand.ListDevices.class, DeviceCommand.SetGroups.class })
final class DeviceCommand extends ParentCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the devices with their platform "
            + "(osPlatform, as the fleet server and Microsoft Defender name it) and groups.")
    static final class ListDevices extends StoreCommand {

        @Mixin
        FormatOption format = new FormatOption();

        @Option(names = "--platform", paramLabel = "OS_PLATFORM", description = "Only devices of this platform: "
                + "Linux, Windows10, Windows11, WindowsServer2016 … WindowsServer2025, Windows, macOS or Unknown "
                + "(any case).")
        String platform;

        ListDevices(Services services) {
            super(services);
        }

        /** A device with the platform its newest assessment found. */
        private record Row(Device device, DevicePlatform platform, String osPlatform) {
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            String wanted = platform == null ? null : json().osPlatforms().stream()
                    .filter(p -> p.equalsIgnoreCase(platform)).findFirst()
                    .orElseThrow(() -> usage("--platform must be one of " + String.join(", ", json().osPlatforms())
                            + ", not '" + platform + "'"));
            List<Row> rows = use(db -> {
                Map<String, DevicePlatform> platforms = db.platforms();
                List<Row> out = new ArrayList<>();
                for (Device d : db.devices()) {
                    DevicePlatform p = platforms.getOrDefault(d.id(), DevicePlatform.UNKNOWN);
                    String os = json().osPlatform(p.osFamily(), p.osVersion());
                    if (wanted == null || wanted.equals(os)) {
                        out.add(new Row(d, p, os));
                    }
                }
                return out;
            });
            return table(json, rows, r -> json().device(r.device(), r.platform().osFamily(), r.platform().osVersion()),
                    "%-34s %-24s %-36s %-18s %s%n", new Object[] { "ID", "HOST", "OS", "PLATFORM", "GROUPS" },
                    r -> new Object[] { r.device().id(), r.device().hostname(), r.device().os(), r.osPlatform(),
                            groups(r.device(), ",") }, "devices");
        }
    }

    @Command(name = "set-groups", mixinStandardHelpOptions = true,
            description = "Set the groups of a device (none: remove it from every group).")
    static final class SetGroups extends StoreCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The device's machine id.")
        String id;

        @Parameters(index = "1..*", paramLabel = "GROUP", description = "Its groups.")
        List<String> groups = new ArrayList<>();

        SetGroups(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            Device d = use(db -> db.setGroups(id, new LinkedHashSet<>(groups)));
            print("device " + d.id() + ": groups " + (d.groups().isEmpty() ? "none" : groups(d, ", ")));
            return ExitCodes.OK;
        }
    }

    private static String groups(Device d, String separator) {
        return String.join(separator, d.groups().stream().sorted().toList());
    }
}
