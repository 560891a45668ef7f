package org.bulwark.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.RecommendationRows;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.operations.api.UploadIntake;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;
import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

/**
 * The fleet server on the JDK's HTTP server ({@code com.sun.net.httpserver}, module {@code jdk.httpserver}), with
 * the limits of {@link HttpLimits} and a {@link Router} over one resource per path family. See docs/ARCHITECTURE.md
 * ("Fleet server") for why not the OSGi servlet whiteboard yet.
 */
@Component(service = FleetServer.class)
public final class ServerComponent implements FleetServer {

    private final ScoringService scoring;
    private final BenchmarkRegistry registry;
    private final Operations operations;
    private final LoggerFactory logs;
    private final LoggerAdmin logAdmin;

    /**
     * The operations services are static, mandatory references: the resources are thin adapters over them. The
     * Log Service (the framework's) takes the access and audit logs ({@link ApiLog}).
     */
    @Activate
    public ServerComponent(@Reference ScoringService scoring, @Reference BenchmarkRegistry registry,
            @Reference UploadIntake intake, @Reference ExceptionOperations exceptions,
            @Reference RemediationOperations remediations, @Reference RecommendationRows recommendations,
            @Reference VulnerabilityOperations vulnerabilities, @Reference Assessments assessments,
            @Reference EntityJson json, @Reference EntityCsv csv, @Reference FileOutput files,
            @Reference LoggerFactory logs,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) LoggerAdmin logAdmin) {
        this.scoring = scoring;
        this.registry = registry;
        this.operations = new Operations(intake, exceptions, remediations, recommendations, vulnerabilities,
                assessments, json, csv, files);
        this.logs = logs;
        this.logAdmin = logAdmin;
    }

    @Override
    public Running start(AssessmentStore store, Settings settings) throws IOException {
        // the keystore first: a TLS problem is reported before anything is read, bound or started
        SSLContext tls = settings.tls() == null ? null : TlsContext.context(settings.tls());
        Path data = settings.dataDir();
        FleetState state = new FleetState(store, scoring);
        try {
            state.load(); // every device's latest results, once: queries are then answered from memory
            state.catchUp(); // the first look for what other processes commit meanwhile, paid here not by a query
        } catch (StoreException e) {
            throw new IOException("cannot read the fleet from the store: " + e.getMessage(), e);
        }
        UploadLog uploads;
        try {
            uploads = new UploadLog(data, store); // completes what a crash interrupted
        } catch (StoreException e) {
            throw new IOException("cannot read the uploads of " + UploadLog.FILE + " from the store: "
                    + e.getMessage(), e);
        }
        GroupRules groups = new GroupRules(data, operations.files());
        int handlers = Math.max(1, settings.threads());
        Router api = new Router(new BearerAuth(new Tokens(data)), new ApiLog(logs, logAdmin),
                settings.maxUploadBytes() > 0 ? settings.maxUploadBytes() : DEFAULT_MAX_UPLOAD_BYTES, handlers, List.of(
                        new OpenApiResource(),
                        new HealthResource(store),
                        new AssessmentResource(operations.intake(), store, groups, state, uploads),
                        new ScoreResource(state, store),
                        new RecommendationResource(state, registry, operations),
                        new MachineResource(state, store, operations.json(), operations.assessments()),
                        new ExposureResource(state, store, operations.vulnerabilities(), operations.json()),
                        new FeedResource(data, store, operations.vulnerabilities(), operations.json()),
                        new ExportResource(state),
                        new ExceptionResource(store, state, operations),
                        new RemediationResource(store, state, operations),
                        new DeviceGroupResource(groups)));
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        HttpLimits.apply(); // read once, when the JDK server's configuration class is first loaded
        HttpServer http;
        if (tls == null) {
            http = HttpServer.create(address, 256);
        } else {
            HttpsServer https = HttpsServer.create(address, 256);
            https.setHttpsConfigurator(TlsContext.configurator(tls));
            http = https;
        }
        ExecutorService pool = HttpLimits.executor(handlers);
        http.setExecutor(pool);
        http.createContext("/", api);
        http.start();
        return new RunningServer(http, pool, uploads, api);
    }

    /** @return the API's routes with the roles each admits, for the access test */
    static List<Router.Route> routes(Running running) {
        return ((RunningServer) running).api.routes();
    }

    static List<String> templates(Running running) {
        return ((RunningServer) running).api.routes().stream().map(r -> r.method() + " " + r.template()).toList();
    }

    @Override
    public void checkTls(FleetServer.Tls tls) throws IOException {
        TlsContext.context(tls);
    }

    @Override
    public String createToken(Path dataDir, String name, Role role, Set<String> groups) throws IOException {
        return Tokens.create(operations.files(), dataDir, name, role, groups).secret();
    }

    @Override
    public NewToken issueToken(Path dataDir, String name, Role role, Set<String> groups) throws IOException {
        return Tokens.create(operations.files(), dataDir, name, role, groups);
    }

    @Override
    public List<TokenInfo> listTokens(Path dataDir) throws IOException {
        return Tokens.list(dataDir);
    }

    @Override
    public TokenInfo revokeToken(Path dataDir, String idOrName) throws IOException {
        return Tokens.revoke(operations.files(), dataDir, idOrName);
    }

    private static final class RunningServer implements Running {
        private final HttpServer http;
        private final ExecutorService pool;
        private final UploadLog uploads;
        final Router api;
        private boolean stopped;

        RunningServer(HttpServer http, ExecutorService pool, UploadLog uploads, Router api) {
            this.http = http;
            this.pool = pool;
            this.uploads = uploads;
            this.api = api;
        }

        @Override
        public int port() {
            return http.getAddress().getPort();
        }

        @Override
        public synchronized void stop(int graceSeconds) {
            if (stopped) {
                return;
            }
            stopped = true;
            // stops accepting, then waits for the exchanges in flight (uploads included) up to the grace period
            http.stop(Math.max(0, graceSeconds));
            pool.shutdown();
            try {
                pool.awaitTermination(Math.max(1, graceSeconds), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            uploads.close();
        }
    }
}
