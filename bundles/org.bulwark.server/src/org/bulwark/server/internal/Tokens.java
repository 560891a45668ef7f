package org.bulwark.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bulwark.operations.api.FileOutput;
import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.FleetServer.NewToken;
import org.bulwark.server.api.FleetServer.TokenInfo;
import org.bulwark.server.api.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * API tokens, kept in {@code tokens.json} of the data directory as SHA-256 hashes with a public id, name, role,
 * groups and creation time. Every change replaces the file atomically (a new file, so a new file key). At every
 * authentication a server compares the file's key, size and modification time with those it loaded; when they
 * are equal and the file was last modified more than {@link #SETTLED_MS} before it was read, nothing can have
 * changed and nothing is read. Otherwise the bytes are read and compared, so a token created or revoked while it
 * runs counts from the next request, even when two writes fall in the same modification-time tick.
 *
 * <p>Tokens written before ids and creation times were recorded still load: their id is {@code tok_} and the
 * first 8 hexadecimal digits of their hash, their creation time unknown.
 */
final class Tokens {

    /** A token's rights. */
    record Token(String id, String name, Role role, Set<String> groups) {
        boolean allGroups() {
            return groups.contains(FleetServer.ALL_GROUPS);
        }

        boolean sees(String group) {
            return allGroups() || groups.contains(group);
        }
    }

    static final String FILE = "tokens.json";
    static final String ID_PREFIX = "tok_";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private volatile Map<String, Token> byHash = Map.of();
    private byte[] loaded;
    /** The file's key, size and modification time when {@link #loaded} was read, if it had settled by then. */
    private volatile Stamp settled;

    /** A file state no write can hide behind: taken this long after the file's last modification. */
    static final long SETTLED_MS = 2_000;

    private record Stamp(Object fileKey, long size, java.nio.file.attribute.FileTime modified) {
    }

    Tokens(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** @return the token whose hash matches {@code secret}, or {@code null} */
    Token find(String secret) throws IOException {
        reloadIfChanged();
        return secret == null ? null : byHash.get(hash(secret));
    }

    private void reloadIfChanged() throws IOException {
        Stamp known = settled;
        if (known != null && known.equals(stamp())) {
            return; // the common case: one stat, no lock, no read
        }
        reload();
    }

    private Stamp stamp() throws IOException {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private synchronized void reload() throws IOException {
        long readAt = System.currentTimeMillis();
        Stamp before = stamp();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            byHash = Map.of();
            loaded = null;
            settled = null;
            return;
        }
        Stamp after = stamp();
        Stamp candidate = before != null && before.equals(after)
                && readAt - before.modified().toMillis() > SETTLED_MS ? before : null;
        if (Arrays.equals(bytes, loaded)) {
            settled = candidate;
            return;
        }
        Map<String, Token> map = new ConcurrentHashMap<>();
        for (JsonNode t : parse(bytes)) {
            TokenInfo info = info(t);
            map.put(t.path("sha256").asText(), new Token(info.id(), info.name(), info.role(), info.groups()));
        }
        byHash = map;
        loaded = bytes;
        settled = candidate;
    }

    private static ArrayNode parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (!(root instanceof ArrayNode a)) {
            throw new IOException(FILE + " is not a JSON array of tokens");
        }
        return a;
    }

    private static ArrayNode read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        return Files.exists(file) ? parse(Files.readAllBytes(file)) : JSON.createArrayNode();
    }

    /** Replaces the file atomically (a new file, so a new file key), synced, never writing through a link. */
    private static void write(FileOutput files, Path dataDir, ArrayNode all) throws IOException {
        files.replace(dataDir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
    }

    /** @return the public description of one entry of the file (old entries: id from the hash, no time) */
    private static TokenInfo info(JsonNode t) {
        Set<String> groups = new LinkedHashSet<>();
        t.path("groups").forEach(g -> groups.add(g.asText()));
        String id = t.path("id").asText("");
        if (id.isEmpty()) {
            id = ID_PREFIX + t.path("sha256").asText().substring(0, Math.min(8, t.path("sha256").asText().length()));
        }
        Instant created = null;
        if (t.hasNonNull("created")) {
            try {
                created = Instant.parse(t.get("created").asText());
            } catch (DateTimeParseException e) {
                // an unreadable time is shown as unknown rather than hiding the token
            }
        }
        return new TokenInfo(id, t.path("name").asText(), Role.parse(t.path("role").asText()),
                java.util.Collections.unmodifiableSet(groups), created);
    }

    /** Creates a token, appends its hash to the file (replaced atomically) and returns the secret and its id. */
    static synchronized NewToken create(FileOutput files, Path dataDir, String name, Role role, Set<String> groups)
            throws IOException {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one device group (or * for all)");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "bwk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ArrayNode all = read(dataDir);
        Set<String> ids = new HashSet<>();
        all.forEach(t -> ids.add(info(t).id()));
        String id;
        do {
            byte[] b = new byte[4];
            RANDOM.nextBytes(b);
            id = ID_PREFIX + HexFormat.of().formatHex(b);
        } while (ids.contains(id));
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode t = all.addObject();
        t.put("id", id);
        t.put("name", name);
        t.put("role", role.name());
        ArrayNode g = t.putArray("groups");
        new ArrayList<>(groups).forEach(g::add);
        t.put("created", created.toString());
        t.put("sha256", hash(secret));
        write(files, dataDir, all);
        return new NewToken(secret, info(t));
    }

    /** @return every token of the file, in file order (creation order) */
    static List<TokenInfo> list(Path dataDir) throws IOException {
        List<TokenInfo> list = new ArrayList<>();
        for (JsonNode t : read(dataDir)) {
            list.add(info(t));
        }
        return list;
    }

    /** Removes the token with id {@code idOrName}, else the only one with that name; rewrites the file atomically. */
    static synchronized TokenInfo revoke(FileOutput files, Path dataDir, String idOrName) throws IOException {
        ArrayNode all = read(dataDir);
        int match = -1;
        for (int i = 0; i < all.size(); i++) {
            if (info(all.get(i)).id().equals(idOrName)) {
                match = i;
            }
        }
        if (match < 0) {
            List<String> named = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                TokenInfo info = info(all.get(i));
                if (info.name().equals(idOrName)) {
                    named.add(info.id());
                    match = i;
                }
            }
            if (named.size() > 1) {
                throw new IllegalArgumentException(named.size() + " tokens are named '" + idOrName
                        + "'; revoke one by id: " + String.join(", ", named));
            }
        }
        if (match < 0) {
            throw new IllegalArgumentException("no token with id or name '" + idOrName + "' in "
                    + dataDir.resolve(FILE) + " (bulwark token list shows them)");
        }
        TokenInfo revoked = info(all.get(match));
        all.remove(match);
        write(files, dataDir, all);
        return revoked;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> roles() {
        List<String> r = new ArrayList<>();
        for (Role role : Role.values()) {
            r.add(role.name());
        }
        return r;
    }
}
