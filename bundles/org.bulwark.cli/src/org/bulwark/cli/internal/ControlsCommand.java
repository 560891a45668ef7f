package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.benchmark.api.Control;
import org.bulwark.collector.api.Category;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bulwark controls}: the controls of the installed content. */
@Command(name = "controls", mixinStandardHelpOptions = true,
        description = "List the controls of the installed benchmark content, and any content that was rejected.")
final class ControlsCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--category", split = ",", paramLabel = "CATEGORY", converter = CategoryConverter.class,
            description = "Only these categories: application, operating-system, network, accounts, security-controls.")
    List<Category> categories = new ArrayList<>();

    ControlsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        BenchmarkRegistry registry = services.get(BenchmarkRegistry.class);
        PrintWriter out = spec.commandLine().getOut();
        Set<Category> wanted = categories.isEmpty() ? EnumSet.allOf(Category.class) : EnumSet.copyOf(categories);
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
        List<BenchmarkException> problems = registry.problems();
        for (BenchmarkException p : problems) {
            spec.commandLine().getErr().println("bulwark: rejected content: " + p.getMessage());
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.CONTENT;
    }
}
