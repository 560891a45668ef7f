package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.cli.internal.PluginInventory.BundleInfo;
import org.bulwark.cli.internal.PluginInventory.Entry;
import org.bulwark.cli.internal.PluginInventory.Folder;
import org.bulwark.cli.internal.PluginInventory.Jar;
import org.osgi.framework.InvalidSyntaxException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bulwark plugins}: every collector component and service in the runtime, with its bundle, version and
 * state as SCR reports it (active, satisfied, unsatisfied and why, failed and why), and the controls that read
 * its keys; then the bundles of the plug-in folder.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = { "List the installed collectors: bundle, version, state (from the DS runtime: active, "
                + "unsatisfied and why, failed and why) and the controls that read their keys; then the jars "
                + "of the plug-in folder and their state." })
final class PluginsCommand extends ServiceCommand {

    @Mixin
    FormatOption format = new FormatOption();

    PluginsCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() throws InvalidSyntaxException {
        boolean json = format.json(spec);
        List<Entry> entries = PluginInventory.collectors(services);
        Folder folder = PluginInventory.folder(services.context());
        if (json) {
            printJson(tree(entries, folder));
        } else {
            print(entries, folder, out());
        }
        return ExitCodes.OK;
    }

    private static void print(List<Entry> entries, Folder folder, PrintWriter out) {
        for (Entry e : entries) {
            out.printf("%s  [%s]%n", e.name(), e.state().text());
            out.printf("  bundle:    %s%n", e.bundle() == null ? "?" : e.bundle().text());
            if (e.component() != null) {
                out.printf("  component: %s%n", e.component());
            }
            if (e.present()) {
                out.printf("  category:  %s%n", e.category() == null ? "?" : e.category().label());
                out.printf("  provides:  %s%n", String.join(", ", e.provides()));
                out.printf("  controls:  %s%n", e.controls().isEmpty() ? "(none installed read its keys)"
                        : e.controls().size() + ": " + String.join(", ", e.controls()));
            }
        }
        out.printf("%d collectors%n", entries.size());
        if (folder != null) {
            out.printf("%nPlug-in folder: %s%n", folder.path());
            // the installed bundles come first, then the jars that are none
            List<Jar> installed = folder.jars().stream().filter(j -> j.bundle() != null).toList();
            for (Jar j : installed) {
                out.printf("  %s  %s%s%n", j.file(), j.bundle().text(), j.reason() == null ? "" : " — " + j.reason());
            }
            if (installed.isEmpty()) {
                out.println("  (no plug-ins installed)");
            }
            for (Jar j : folder.jars().subList(installed.size(), folder.jars().size())) {
                out.printf("  %s  not installed (%s)%n", j.file(), j.reason());
            }
            if (folder.error() != null) {
                out.printf("  (cannot list the folder: %s)%n", folder.error());
            }
        }
        out.flush();
    }

    /**
     * @return collectors (each: id, state, reason, bundle, version, bundleState, component, category, provides,
     *         controls) and pluginFolder ({@code null} without one; else path, plugins — each: file, bundle,
     *         version, state, reason — and error)
     */
    static Map<String, Object> tree(List<Entry> entries, Folder folder) {
        List<Object> collectors = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", e.name());
            o.put("state", e.state().code());
            o.put("reason", e.state().reason());
            bundle(o, e.bundle());
            o.put("bundleState", e.bundle() == null ? null : e.bundle().state());
            o.put("component", e.component());
            o.put("category", e.category() == null ? null : e.category().name());
            o.put("provides", new ArrayList<Object>(e.provides()));
            o.put("controls", new ArrayList<Object>(e.controls()));
            collectors.add(o);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("collectors", collectors);
        if (folder == null) {
            tree.put("pluginFolder", null);
            return tree;
        }
        List<Object> jars = new ArrayList<>();
        for (Jar j : folder.jars()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", j.file());
            bundle(o, j.bundle());
            o.put("state", j.bundle() == null ? "NOT_INSTALLED" : j.bundle().state());
            o.put("reason", j.reason());
            jars.add(o);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", folder.path());
        f.put("plugins", jars);
        f.put("error", folder.error());
        tree.put("pluginFolder", f);
        return tree;
    }

    private static void bundle(Map<String, Object> o, BundleInfo b) {
        o.put("bundle", b == null ? null : b.name());
        o.put("version", b == null ? null : b.version());
    }
}
