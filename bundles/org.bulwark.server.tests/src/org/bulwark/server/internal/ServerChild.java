package org.bulwark.server.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The real fleet server in a JVM of its own, for {@link ServerCrashTest} to kill: {@code main} starts an Equinox
 * framework with the bundles of the test runtime (one location a line in {@code BUNDLES}, the surefire booter
 * left out), starts them, and then the server exactly as {@code bulwark serve} does through its services:
 * {@link ServerChildRun#run} opens the store at {@code URL} with the {@code AssessmentStoreFactory} service and
 * starts the {@code FleetServer} service on a free loopback port over data directory {@code DATA}, prints
 * {@code PORT n} and serves until the JVM is killed.
 * <p>
 * Usage: {@code java -cp FRAMEWORK_JAR:THIS_FRAGMENT ServerChild BUNDLES STORAGE DEV_PROPERTIES DATA URL}. This
 * class uses only the framework API: it is loaded from the class path, {@link ServerChildRun} by the server bundle.
 */
public final class ServerChild {

    private ServerChild() {
    }

    public static void main(String[] args) {
        try {
            serve(args);
        } catch (Throwable e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(2); // the framework's threads would keep the JVM alive
        }
    }

    private static void serve(String[] args) throws Exception {
        List<String> locations = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, args[1]);
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        if (!args[2].isEmpty()) {
            config.put("osgi.dev", args[2]);
        }
        config.put("eclipse.ignoreApp", "true");
        config.put("osgi.noShutdown", "true");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        List<Bundle> installed = new ArrayList<>();
        for (String location : locations) {
            if (!location.isBlank()) {
                installed.add(framework.getBundleContext().installBundle(location));
            }
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start(Bundle.START_ACTIVATION_POLICY);
            }
        }
        Bundle server = null;
        for (Bundle b : installed) {
            if ("org.bulwark.server".equals(b.getSymbolicName())) {
                server = b;
            }
        }
        if (server == null) {
            throw new IllegalStateException("no org.bulwark.server bundle among " + locations);
        }
        Class<?> run = server.loadClass(ServerChild.class.getPackageName() + ".ServerChildRun");
        Method m = run.getMethod("run", org.osgi.framework.BundleContext.class, String.class, String.class);
        m.invoke(null, framework.getBundleContext(), args[3], args[4]);
        // serve until killed (stdin closed: the test is gone)
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // nothing to read
            }
        }
        Runtime.getRuntime().halt(0);
    }
}
