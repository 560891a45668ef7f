package org.bulwark.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bulwark.server.api.FleetServer;
import org.bulwark.server.api.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * API tokens, kept in {@code tokens.json} of the data directory as SHA-256 hashes with name, role and groups. The
 * file is read again when it changes, so tokens created while the server runs work at once.
 */
final class Tokens {

    /** A token's rights. */
    record Token(String name, Role role, Set<String> groups) {
        boolean allGroups() {
            return groups.contains(FleetServer.ALL_GROUPS);
        }

        boolean sees(String group) {
            return allGroups() || groups.contains(group);
        }
    }

    static final String FILE = "tokens.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private volatile Map<String, Token> byHash = Map.of();
    private volatile FileTime loaded;

    Tokens(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** @return the token whose hash matches {@code secret}, or {@code null} */
    Token find(String secret) throws IOException {
        reloadIfChanged();
        return secret == null ? null : byHash.get(hash(secret));
    }

    private synchronized void reloadIfChanged() throws IOException {
        if (!Files.exists(file)) {
            byHash = Map.of();
            loaded = null;
            return;
        }
        FileTime modified = Files.getLastModifiedTime(file);
        if (modified.equals(loaded)) {
            return;
        }
        Map<String, Token> map = new ConcurrentHashMap<>();
        for (JsonNode t : JSON.readTree(file.toFile())) {
            Set<String> groups = new LinkedHashSet<>();
            t.path("groups").forEach(g -> groups.add(g.asText()));
            map.put(t.path("sha256").asText(), new Token(t.path("name").asText(), Role.parse(t.path("role").asText()),
                    Set.copyOf(groups)));
        }
        byHash = map;
        loaded = modified;
    }

    /** Creates a token, appends its hash to the file (replaced atomically) and returns the secret. */
    static synchronized String create(Path dataDir, String name, Role role, Set<String> groups) throws IOException {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one device group (or * for all)");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "bwk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path file = dataDir.resolve(FILE);
        Files.createDirectories(dataDir);
        ArrayNode all = Files.exists(file) ? (ArrayNode) JSON.readTree(file.toFile()) : JSON.createArrayNode();
        ObjectNode t = all.addObject();
        t.put("name", name);
        t.put("role", role.name());
        ArrayNode g = t.putArray("groups");
        new ArrayList<>(groups).forEach(g::add);
        t.put("sha256", hash(secret));
        Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return secret;
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
