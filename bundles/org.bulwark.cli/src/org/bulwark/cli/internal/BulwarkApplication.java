package org.bulwark.cli.internal;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import picocli.CommandLine;

/**
 * The headless runtime's application: parses the command line with picocli and runs one command. The
 * Equinox launcher exits with the returned code (see {@link ExitCodes}).
 */
public final class BulwarkApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        context.applicationRunning();
        BundleContext bundles = FrameworkUtil.getBundle(BulwarkApplication.class).getBundleContext();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try (Services services = new Services(bundles)) {
            return run(services, System::getenv, System::getProperty,
                    ConfigDefaults.files(System::getenv, System::getProperty, ConfigDefaults.SYSTEM_FILE), out, err,
                    args);
        }
    }

    /**
     * Runs one command line against {@code services}, with the process's environment but no configuration file;
     * used by tests.
     */
    public static int run(Services services, PrintWriter out, PrintWriter err, String... args) {
        return run(services, System::getenv, System::getProperty, List.of(), out, err, args);
    }

    /**
     * Runs one command line against {@code services}: options not given come from {@code env}, then
     * {@code properties}, then the configuration {@code files} (see {@link ConfigDefaults}); a malformed file ends
     * it with {@link ExitCodes#USAGE} before anything runs.
     */
    static int run(Services services, UnaryOperator<String> env, UnaryOperator<String> properties, List<Path> files,
            PrintWriter out, PrintWriter err, String... args) {
        ConfigDefaults defaults;
        try {
            defaults = new ConfigDefaults(env, properties, files);
        } catch (CliException e) {
            err.println("bulwark: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
        defaults.warnings().forEach(w -> err.println("bulwark: warning: " + w));
        CommandLine cli = commandLine(services, defaults);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** @return the command line of every command, its defaults from {@code defaults} */
    static CommandLine commandLine(Services services, ConfigDefaults defaults) {
        CommandLine cli = new CommandLine(new BulwarkCommand(), new CommandFactory(services));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setDefaultValueProvider(defaults);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException c) {
                commandLine.getErr().println("bulwark: " + c.getMessage());
                return c.exitCode();
            }
            commandLine.getErr().println("bulwark: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCodes.INTERNAL;
        });
        return cli;
    }

    @Override
    public void stop() {
        // Commands run to completion on the main thread; nothing to stop.
    }

    /** Creates command objects with access to the services. */
    private record CommandFactory(Services services) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (java.lang.reflect.Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Services.class) {
                    c.setAccessible(true);
                    return type.cast(c.newInstance(services));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
