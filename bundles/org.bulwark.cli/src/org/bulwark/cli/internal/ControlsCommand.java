package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Category;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bulwark controls}: the controls of the installed content. */
@Command(name = "controls", mixinStandardHelpOptions = true,
        description = "List the controls of the installed benchmark content, and any content that was rejected.")
final class ControlsCommand extends ServiceCommand {

    @Option(names = "--category", split = ",", paramLabel = "CATEGORY", converter = CategoryConverter.class,
            description = "Only these categories: application, operating-system, network, accounts, security-controls.")
    List<Category> categories = new ArrayList<>();

    @Mixin
    FormatOption format = new FormatOption();

    ControlsCommand(Services services) {
        super(services);
    }

    @Override
    public Integer call() {
        boolean json = format.json(spec);
        BenchmarkRegistry registry = services.get(BenchmarkRegistry.class);
        Set<Category> wanted = categories.isEmpty() ? EnumSet.allOf(Category.class) : EnumSet.copyOf(categories);
        List<BenchmarkException> problems = registry.problems();
        if (json) {
            printJson(tree(registry.benchmarks(), wanted, problems));
        } else {
            PrintWriter out = out();
            int n = 0;
            for (Benchmark b : registry.benchmarks()) {
                out.printf("%s %s (%s, %d controls)%n", b.id(), b.version(), b.origin(), b.controls().size());
                for (Control c : b.controls()) {
                    if (wanted.contains(c.category())) {
                        out.printf("  %-44s %-18s %2d  %s%n", c.id(), c.category().label(), c.weight(), c.title());
                        n++;
                    }
                }
            }
            out.printf("%d controls%n", n);
            out.flush();
        }
        for (BenchmarkException p : problems) {
            spec.commandLine().getErr().println("bulwark: rejected content: " + p.getMessage());
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.CONTENT;
    }

    /**
     * @return benchmarks (each: id, title, version, origin, sha256, controls: id, title, category, weight — only
     *         the wanted categories'), rejected (each: origin, line, column, field, reason, message)
     */
    static Map<String, Object> tree(List<Benchmark> benchmarks, Set<Category> wanted,
            List<BenchmarkException> problems) {
        List<Object> list = new ArrayList<>();
        for (Benchmark b : benchmarks) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", b.id());
            o.put("title", b.title());
            o.put("version", b.version());
            o.put("origin", b.origin());
            o.put("sha256", b.sha256());
            List<Object> controls = new ArrayList<>();
            for (Control c : b.controls()) {
                if (wanted.contains(c.category())) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("id", c.id());
                    x.put("title", c.title());
                    x.put("category", c.category().name());
                    x.put("weight", c.weight());
                    controls.add(x);
                }
            }
            o.put("controls", controls);
            list.add(o);
        }
        List<Object> rejected = new ArrayList<>();
        for (BenchmarkException p : problems) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("origin", p.origin());
            o.put("line", p.line() > 0 ? p.line() : null);
            o.put("column", p.column() > 0 ? p.column() : null);
            o.put("field", p.field());
            o.put("reason", p.reason());
            o.put("message", p.getMessage());
            rejected.add(o);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("benchmarks", list);
        tree.put("rejected", rejected);
        return tree;
    }
}
