package org.bulwark.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
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
                "Tokens: bulwark token create. Stops on SIGTERM or Ctrl-C after the requests in flight." })
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
        FleetServer server = services.get(FleetServer.class);
        PrintWriter err = spec.commandLine().getErr();
        AssessmentStore db = store.open(services);
        FleetServer.Running running;
        try {
            running = server.start(db, new FleetServer.Settings(host, port, store.dataDir(), maxUpload, threads));
        } catch (IOException e) {
            db.close();
            throw new CliException(ExitCodes.IO, "cannot start the server on " + host + ":" + port + ": " + e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            running.stop(grace);
            db.close();
            stopped.countDown();
        }, "bulwark-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("bulwark: serving http://" + host + ":" + running.port() + "/api (OpenAPI: /api/openapi.json); "
                + "data in " + store.dataDir());
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
}
