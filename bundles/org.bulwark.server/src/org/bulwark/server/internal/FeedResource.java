package org.bulwark.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.FeedAge;
import org.bulwark.operations.api.FeedImport;
import org.bulwark.operations.api.FeedSource;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.store.api.AssessmentStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/feeds}: the feeds of the server's store, with their age; an administrator of all groups imports
 * feed files the server's host keeps in {@code <data>/feeds/} ({@code POST /api/feeds/import}) or has the server
 * fetch them from their publishers ({@code POST /api/feeds/update}), both through {@link VulnerabilityOperations}
 * as {@code bulwark feeds import|update} do. A request names files inside that folder only (no absolute path, no
 * {@code ..}, no link on the way) and feeds by name only: a client never makes the server read another file or
 * fetch a URL of its choosing. A feed changes every group's exposure, so a token of some groups may not.
 */
final class FeedResource implements Resource {

    /** The folder, in the data directory, whose files {@code POST /api/feeds/import} may name. */
    static final String FOLDER = "feeds";
    /** How long the server waits for one feed it fetches. */
    static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_NAMES = 100;

    private final Path folder;
    private final AssessmentStore store;
    private final VulnerabilityOperations vulnerabilities;
    private final EntityJson json;

    FeedResource(Path dataDir, AssessmentStore store, VulnerabilityOperations vulnerabilities, EntityJson json) {
        this.folder = dataDir.resolve(FOLDER);
        this.store = store;
        this.vulnerabilities = vulnerabilities;
        this.json = json;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/feeds", BearerAuth.READERS, this::list);
        routes.add("POST", "/api/feeds/import", BearerAuth.ADMINS, this::importFiles);
        routes.add("POST", "/api/feeds/update", BearerAuth.ADMINS, this::update);
    }

    private Reply list(Request request) throws Exception {
        List<Object> value = new ArrayList<>();
        for (FeedAge a : vulnerabilities.feeds(store, Instant.now())) {
            value.add(json.feed(a));
        }
        return Reply.json(200, Map.of("value", value));
    }

    private Reply importFiles(Request request) throws Exception {
        allGroups(request);
        List<String> names = names(request.body().json(), "files");
        List<Path> files = new ArrayList<>();
        for (String n : names) {
            files.add(inside(n));
        }
        // named as the request named them, in messages and as the feeds' origin, never by the server's paths
        return answer(vulnerabilities.importFeeds(store, files, names, Instant.now()), names);
    }

    private Reply update(Request request) throws Exception {
        allGroups(request);
        boolean empty = request.body().bytes().plain().length == 0;
        JsonNode body = empty ? null : request.body().json();
        List<String> names = body != null && body.has("feeds") ? names(body, "feeds")
                : FeedSource.DEFAULT_NAMES;
        List<FeedSource> sources = new ArrayList<>();
        for (String n : names) {
            sources.add(FeedSource.published(n).orElseThrow(() -> ApiError.invalid("feeds: no feed '" + n
                    + "' (the feeds: " + FeedSource.PUBLISHED.stream().map(FeedSource::name).toList() + ")")));
        }
        List<FeedImport> updated;
        try {
            updated = vulnerabilities.updateFeeds(store, sources, FETCH_TIMEOUT, Instant.now());
        } catch (IOException e) {
            throw new ApiError(502, "feed_unavailable", e.getMessage() + "; no feed was imported");
        }
        return answer(updated, null);
    }

    /** The results, each file named as the request named it (not by the server's path), its feed with its age. */
    private Reply answer(List<FeedImport> results, List<String> asGiven) throws Exception {
        Map<String, FeedAge> ages = new HashMap<>();
        for (FeedAge a : vulnerabilities.feeds(store, Instant.now())) {
            ages.put(a.feed().kind(), a);
        }
        List<Object> value = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            FeedImport r = results.get(i);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("file", asGiven == null ? r.file() : asGiven.get(i));
            one.put("changed", r.changed());
            one.put("feed", json.feed(ages.get(r.feed().kind())));
            value.add(one);
        }
        return Reply.json(200, Map.of("value", value));
    }

    private static void allGroups(Request request) {
        if (!request.principal().allGroups()) {
            throw ApiError.forbidden("a feed changes the exposure of every group's machines: importing one "
                    + "needs an administrator token for all groups, not one of groups "
                    + String.join(", ", new TreeSet<>(request.principal().groups())));
        }
    }

    private static List<String> names(JsonNode body, String field) {
        JsonNode list = body.isObject() ? body.get(field) : null;
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiError.invalid(field + ": a non-empty array of strings is required");
        }
        if (list.size() > MAX_NAMES) {
            throw ApiError.invalid(field + ": at most " + MAX_NAMES + " names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.isTextual() || n.asText().isBlank()) {
                throw ApiError.invalid(field + ": a non-empty array of strings is required");
            }
            out.add(n.asText());
        }
        return out;
    }

    /**
     * @return {@code name} in the feeds folder; 400 for a name that is absolute, leaves the folder, or has a link
     *         on its way (the folder included)
     */
    Path inside(String name) {
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException e) {
            throw ApiError.invalid("files: '" + name + "' is not a file name: " + e.getReason());
        }
        Path p = folder.resolve(relative).normalize();
        if (relative.isAbsolute() || !p.startsWith(folder) || p.equals(folder)) {
            throw ApiError.invalid("files: '" + name + "' is not inside the server's " + FOLDER + " folder");
        }
        for (Path q = p; q != null && q.startsWith(folder); q = q.getParent()) {
            if (Files.isSymbolicLink(q)) {
                throw ApiError.invalid("files: '" + name + "' leads through a link, which is not followed");
            }
        }
        if (!Files.exists(p)) {
            throw ApiError.invalid("files: '" + name + "': no such file in the server's " + FOLDER + " folder");
        }
        return p;
    }
}
