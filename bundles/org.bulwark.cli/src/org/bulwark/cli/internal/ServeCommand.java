package org.bulwark.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.bulwark.server.api.FleetServer;
import org.bulwark.store.api.AssessmentStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bulwark serve}: the fleet server. Runs until the process is interrupted or terminated; then it stops
 * accepting requests and lets the requests in flight finish, so no acknowledged upload is lost.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Run the fleet server: agents upload assessments (bulwark assess --upload), people query "
                + "scores, recommendations and machines over the REST API (OpenAPI at /api/openapi.json).",
                "HTTPS with --tls-keystore (its password from $BULWARK_TLS_PASSWORD or --tls-password-file, never "
                        + "the command line); plain HTTP otherwise.",
                "Tokens: bulwark token create, list, revoke. Stops on SIGTERM or Ctrl-C after the requests in "
                        + "flight." })
final class ServeCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--max-upload", paramLabel = "BYTES", defaultValue = "16777216",
            description = "The largest upload; larger ones are refused with 413. Default: ${DEFAULT-VALUE}.")
    long maxUpload;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "16",
            description = "Request threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long requests in flight may take to finish when stopping. Default: ${DEFAULT-VALUE}.")
    int grace;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS (TLS 1.3 and 1.2 only) "
            + "with the private key and certificate chain of this PKCS12 or JKS keystore (key and keystore with the "
            + "same password). Its password: $BULWARK_TLS_PASSWORD or --tls-password-file.")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE", description = "A file holding the keystore's "
            + "password (its first line). Default: $BULWARK_TLS_PASSWORD.")
    Path tlsPasswordFile;

    @Mixin
    StoreOptions store = new StoreOptions();

    ServeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535 || maxUpload <= 0 || threads <= 0 || grace < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--port must be 0 to 65535; --max-upload, --threads positive; --grace not negative");
        }
        if (tlsPasswordFile != null && tlsKeystore == null) {
            throw new ParameterException(spec.commandLine(), "--tls-password-file needs --tls-keystore");
        }
        FleetServer server = services.get(FleetServer.class);
        PrintWriter err = spec.commandLine().getErr();
        FleetServer.Tls tls = null;
        if (tlsKeystore != null) {
            tls = new FleetServer.Tls(tlsKeystore, password());
            try {
                // before the store is opened: a keystore that cannot be used starts nothing
                server.checkTls(tls);
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage());
            }
        } else if (!loopback(host)) {
            err.println("bulwark: warning: plain HTTP on " + host + ": API tokens and reports cross the network "
                    + "unencrypted (--tls-keystore serves HTTPS)");
        }
        java.nio.file.Path data = store.dataDir(services);
        AssessmentStore db = store.open(services);
        ServerLogLines.print(services.get(org.osgi.service.log.LogReaderService.class), err);
        FleetServer.Running running;
        try {
            running = server.start(db, new FleetServer.Settings(host, port, data, maxUpload, threads,
                    tls));
        } catch (IOException e) {
            db.close();
            throw new CliException(ExitCodes.IO, "cannot start the server on " + host + ":" + port + ": " + e);
        } finally {
            if (tls != null) {
                Arrays.fill(tls.password(), '\0');
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            running.stop(grace);
            db.close();
            stopped.countDown();
        }, "bulwark-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("bulwark: serving " + (tls == null ? "http" : "https") + "://" + host + ":" + running.port() + "/api (OpenAPI: /api/openapi.json); "
                + "data in " + data);
        err.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            hook.run();
        }
        return ExitCodes.OK;
    }

    /** @return the keystore password: the first line of --tls-password-file, else $BULWARK_TLS_PASSWORD */
    private char[] password() {
        if (tlsPasswordFile != null) {
            try {
                String text = Files.readString(tlsPasswordFile, StandardCharsets.UTF_8);
                int eol = text.indexOf('\n');
                String line = eol < 0 ? text : text.substring(0, eol);
                return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, "cannot read the TLS password file " + tlsPasswordFile
                        + ": " + e);
            }
        }
        String env = System.getenv("BULWARK_TLS_PASSWORD");
        if (env == null) {
            throw new CliException(ExitCodes.USAGE, "the password of TLS keystore " + tlsKeystore + " is needed: "
                    + "set BULWARK_TLS_PASSWORD or give --tls-password-file FILE");
        }
        return env.toCharArray();
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
