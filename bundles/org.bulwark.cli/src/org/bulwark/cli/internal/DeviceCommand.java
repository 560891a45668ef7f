package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.bulwark.scoring.api.Device;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
    static final class ListDevices implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
        String format;

        @Mixin
        StoreOptions store = new StoreOptions();

        ListDevices(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() throws Exception {
            boolean json = OutputFormat.json(spec, format);
            List<Device> devices;
            devices = store.use(services, db -> db.devices());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode list = HistoryCommand.JsonOut.MAPPER.createArrayNode();
                devices.forEach(d -> list.add(node(d)));
                out.println(HistoryCommand.JsonOut.MAPPER.writeValueAsString(list));
            } else {
                out.printf("%-34s %-24s %-36s %s%n", "ID", "HOST", "OS", "GROUPS");
                for (Device d : devices) {
                    out.printf("%-34s %-24s %-36s %s%n", d.id(), d.hostname(), d.os(),
                            String.join(",", d.groups().stream().sorted().toList()));
                }
                out.printf("%d devices%n", devices.size());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "set-groups", mixinStandardHelpOptions = true,
            description = "Set the groups of a device (none: remove it from every group).")
    static final class SetGroups implements Callable<Integer> {
        private final Services services;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The device's machine id.")
        String id;

        @Parameters(index = "1..*", paramLabel = "GROUP", description = "Its groups.")
        List<String> groups = new ArrayList<>();

        @Mixin
        StoreOptions store = new StoreOptions();

        SetGroups(Services services) {
            this.services = services;
        }

        @Override
        public Integer call() {
            Device d;
            d = store.use(services, db -> db.setGroups(id, new LinkedHashSet<>(groups)));
            spec.commandLine().getOut().println("device " + d.id() + ": groups "
                    + (d.groups().isEmpty() ? "none" : String.join(", ", d.groups().stream().sorted().toList())));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    static ObjectNode node(Device d) {
        ObjectNode n = HistoryCommand.JsonOut.MAPPER.createObjectNode();
        n.put("id", d.id());
        n.put("hostname", d.hostname());
        n.put("os", d.os());
        ArrayNode groups = n.putArray("groups");
        d.groups().stream().sorted().forEach(groups::add);
        return n;
    }
}
