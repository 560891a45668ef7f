package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.bulwark.collector.api.Collector;
import org.bulwark.testing.Registration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The command line as the tests run it, a JUnit 5 extension (an instance field with {@code @RegisterExtension}):
 * {@link Services} over this bundle's context opened before each test and closed after it, what the last
 * {@link #run} printed, and with {@link #withFacts()} the {@link FactsFileCollector} registered for the test.
 */
final class CliRun implements BeforeEachCallback, AfterEachCallback {

    private final BundleContext context = FrameworkUtil.getBundle(CliRun.class).getBundleContext();
    private final boolean facts;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Registration<Collector> collector;
    private Services services;

    private CliRun(boolean facts) {
        this.facts = facts;
    }

    /** @return the command line over the installed services only */
    static CliRun plain() {
        return new CliRun(false);
    }

    /** @return the command line with the {@link FactsFileCollector} registered for each test */
    static CliRun withFacts() {
        return new CliRun(true);
    }

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
        if (facts) {
            collector = org.bulwark.testing.Services.register(context, Collector.class, new FactsFileCollector(),
                    Map.of());
        }
        services = new Services(context);
    }

    @Override
    public void afterEach(ExtensionContext extensionContext) {
        services.close();
        if (collector != null) {
            collector.close();
            collector = null;
        }
    }

    /** @return the exit code of {@code bulwark args}, the process's environment and properties as defaults */
    int run(String... args) {
        return run(System::getenv, System::getProperty, List.of(), args);
    }

    /** @return the exit code of {@code bulwark args --data data} */
    int runWithData(Path data, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return run(all);
    }

    /** @return the exit code of {@code bulwark args}, defaults from {@code env}, {@code properties}, {@code files} */
    int run(UnaryOperator<String> env, UnaryOperator<String> properties, List<Path> files, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return BulwarkApplication.run(services, env, properties, files, new PrintWriter(out), new PrintWriter(err),
                args);
    }

    /** @return what the last run printed on standard output */
    String out() {
        return out.toString();
    }

    /** @return what the last run printed on standard error */
    String err() {
        return err.toString();
    }

    Services services() {
        return services;
    }
}
