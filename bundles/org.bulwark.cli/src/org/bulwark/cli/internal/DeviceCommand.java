package org.bulwark.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.bulwark.scoring.api.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bulwark device list|set-groups}: the devices the store knows, and their groups. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "The devices the store knows, and the groups they belong to (for group-scoped exceptions and "
                + "remediation activities).",
        subcommands = { DeviceCommand.ListDevices.class, DeviceCommand.SetGroups.class })
final class DeviceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: list or set-groups");
    }

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
            if (json) {
                List<Object> list = new ArrayList<>();
                devices.forEach(d -> list.add(json().device(d)));
                printJson(list);
                return ExitCodes.OK;
            }
            out().printf("%-34s %-24s %-36s %s%n", "ID", "HOST", "OS", "GROUPS");
            for (Device d : devices) {
                out().printf("%-34s %-24s %-36s %s%n", d.id(), d.hostname(), d.os(), groups(d, ","));
            }
            print(devices.size() + " devices");
            return ExitCodes.OK;
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
