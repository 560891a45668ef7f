package org.bulwark.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.bulwark.scoring.api.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bulwark device list|set-groups}: the devices the store knows, and their groups. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "The devices the store knows, and the groups they belong to (for group-scoped exceptions and "
                + "remediation activities).",
        subcommands = { DeviceCommand.ListDevices.class, DeviceCommand.SetGroups.class })
final class DeviceCommand extends ParentCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the devices with their groups.")
    static final class ListDevices extends StoreCommand {

        @Mixin
        FormatOption format = new FormatOption();

        ListDevices(Services services) {
            super(services);
        }

        @Override
        public Integer call() {
            boolean json = format.json(spec);
            List<Device> devices = use(db -> db.devices());
            return table(json, devices, json()::device, "%-34s %-24s %-36s %s%n",
                    new Object[] { "ID", "HOST", "OS", "GROUPS" },
                    d -> new Object[] { d.id(), d.hostname(), d.os(), groups(d, ",") }, "devices");
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
