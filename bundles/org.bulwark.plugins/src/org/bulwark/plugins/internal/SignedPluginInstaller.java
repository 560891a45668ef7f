package org.bulwark.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * With {@code --require-signed-plugins} (framework property {@value #REQUIRE}), takes over the plug-in
 * folder's jars from FileInstall's own bundle handling (it ranks above it): a jar is installed and started
 * only when every entry is signed, unchanged and signed by a trusted certificate ({@value #TRUST}, a PEM file
 * or a keystore with password {@value #TRUST_PASSWORD_ENV}, else {@value #TRUST_PASSWORD}: the signers' own
 * certificates or the CAs that issued them); otherwise it is refused with the reason on stderr. The jar is read
 * once and the bytes that were checked are the bytes installed ({@link JarVerifier#check}): the file is never
 * opened again for the framework. Without the property it handles nothing, and FileInstall installs jars as usual.
 */
@Component(service = ArtifactInstaller.class, property = "service.ranking:Integer=1000")
public final class SignedPluginInstaller implements ArtifactInstaller {

    public static final String REQUIRE = "bulwark.plugins.requireSigned";
    public static final String TRUST = "bulwark.plugins.trusted";
    public static final String TRUST_PASSWORD = "bulwark.plugins.trusted.password";
    /** The environment variable that holds the keystore's password (before {@value #TRUST_PASSWORD}). */
    public static final String TRUST_PASSWORD_ENV = "BULWARK_TRUSTED_PASSWORD";
    /** The password of a keystore of trusted signers when none is given (the JDK's keystores' default). */
    static final String DEFAULT_PASSWORD = "changeit";

    private final BundleContext context;
    private final boolean required;
    private final JarVerifier verifier;
    private final String trustProblem;
    /** Why each refused jar was refused, by absolute path; for people and tests. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    @Activate
    public SignedPluginInstaller(BundleContext context) {
        this(context, Boolean.parseBoolean(context.getProperty(REQUIRE)), context.getProperty(TRUST),
                password(System.getenv(TRUST_PASSWORD_ENV), context.getProperty(TRUST_PASSWORD)));
    }

    /**
     * @return the keystore password: the environment's (so that no secret is on a command line, where every user
     *         of the machine sees it), else the framework property, else {@value #DEFAULT_PASSWORD}
     */
    static String password(String env, String property) {
        if (env != null && !env.isEmpty()) {
            return env;
        }
        return property != null ? property : DEFAULT_PASSWORD;
    }

    SignedPluginInstaller(BundleContext context, boolean required, String trust, String password) {
        this.context = context;
        this.required = required;
        Set<X509Certificate> certificates = Set.of();
        String problem = null;
        if (required) {
            if (trust == null || trust.isBlank()) {
                problem = "no trusted signers are configured";
            } else {
                try {
                    certificates = JarVerifier.load(Path.of(trust), (password == null ? "changeit" : password)
                            .toCharArray());
                    if (certificates.isEmpty()) {
                        problem = trust + " holds no certificate";
                    }
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    problem = "the trusted signers cannot be read from " + trust + " (" + e.getMessage() + ")";
                }
            }
        }
        this.verifier = new JarVerifier(certificates);
        this.trustProblem = problem;
    }

    @Override
    public boolean canHandle(File artifact) {
        return required && artifact.getName().endsWith(".jar");
    }

    /** @return the refused jars of this runtime with the reason */
    public Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    /** @return the jar's bytes as checked, or {@code null} when it is refused (and the reason is printed) */
    private byte[] check(File artifact) {
        JarVerifier.Checked result = trustProblem != null ? JarVerifier.Checked.refused(trustProblem)
                : verifier.check(artifact.toPath());
        String why = result.refusal();
        if (why == null) {
            refused.remove(artifact.getAbsolutePath());
        } else {
            refused.put(artifact.getAbsolutePath(), why);
            System.err.println("bulwark: plug-in " + artifact.getName() + " refused: " + why
                    + " (--require-signed-plugins)");
        }
        return result.bytes();
    }

    private String location(File artifact) {
        return artifact.toURI().normalize().toString();
    }

    @Override
    public void install(File artifact) throws Exception {
        byte[] jar = check(artifact);
        if (jar != null) {
            start(context.installBundle(location(artifact), new ByteArrayInputStream(jar)));
        }
    }

    @Override
    public void update(File artifact) throws Exception {
        Bundle b = context.getBundle(location(artifact));
        byte[] jar = check(artifact);
        if (jar == null) {
            if (b != null) {
                uninstall(b);
            }
            return;
        }
        if (b == null) {
            b = context.installBundle(location(artifact), new ByteArrayInputStream(jar));
        } else {
            b.update(new ByteArrayInputStream(jar));
            refresh(b);
        }
        start(b);
    }

    @Override
    public void uninstall(File artifact) throws Exception {
        refused.remove(artifact.getAbsolutePath());
        Bundle b = context.getBundle(location(artifact));
        if (b != null) {
            uninstall(b);
        }
    }

    private void uninstall(Bundle b) throws BundleException {
        b.uninstall();
        refresh(b);
    }

    private void refresh(Bundle b) {
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b));
    }

    private static void start(Bundle b) {
        try {
            if (b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) == null) {
                b.start(Bundle.START_TRANSIENT);
            }
        } catch (BundleException e) {
            System.err.println("bulwark: plug-in " + b.getLocation() + " cannot start: " + e.getMessage());
        }
    }
}
