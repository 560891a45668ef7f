package org.bulwark.scap.oval.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.linux.TargetFiles;
import org.bulwark.linux.UnreadableException;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;

/**
 * unix {@code file}, independent {@code symlink} and {@code filehash58} objects. A file item describes the object
 * itself ({@code lstat}: a link is of type {@code symbolic link}); its {@code user_id} and {@code group_id} are
 * numeric and the permission booleans come from the mode. {@code has_extended_acl} and the times are not
 * collected. A hash is computed over at most {@value #MAX_HASHED} bytes; a link is hashed as the file it leads
 * to inside the root.
 */
final class FileProbes {

    static final long MAX_HASHED = TargetFiles.MAX_FILE_SIZE;

    private static final String[] PERMISSIONS = { "uread", "uwrite", "uexec", "gread", "gwrite", "gexec", "oread",
            "owrite", "oexec" };

    private FileProbes() {
    }

    static Collected file(OvalElement object, Run run) {
        TargetPaths.Found found = TargetPaths.locate(object, run);
        List<OvalItem> items = new ArrayList<>();
        for (TargetPaths.Located l : found.located()) {
            Optional<Map<String, Object>> attrs = TargetPaths.lstat(run, l.filepath());
            if (attrs.isEmpty()) {
                continue;
            }
            int mode = (Integer) attrs.get().get("mode");
            Map<String, List<String>> f = located(l);
            f.put("type", List.of(type(mode)));
            f.put("group_id", List.of(Integer.toUnsignedString((Integer) attrs.get().get("gid"))));
            f.put("user_id", List.of(Integer.toUnsignedString((Integer) attrs.get().get("uid"))));
            f.put("size", List.of(Long.toString((Long) attrs.get().get("size"))));
            f.put("suid", List.of(Boolean.toString((mode & 04000) != 0)));
            f.put("sgid", List.of(Boolean.toString((mode & 02000) != 0)));
            f.put("sticky", List.of(Boolean.toString((mode & 01000) != 0)));
            for (int i = 0; i < PERMISSIONS.length; i++) {
                f.put(PERMISSIONS[i], List.of(Boolean.toString((mode & (0400 >> i)) != 0)));
            }
            items.add(new OvalItem("file_item", f));
        }
        return result(items, found);
    }

    static Collected symlink(OvalElement object, Run run) {
        Spec filepath = run.objects().spec(object, "filepath")
                .orElseThrow(() -> new OvalError(Run.where(object) + ": no filepath"));
        List<OvalItem> items = new ArrayList<>();
        TargetPaths.Found found = TargetPaths.locate(object, run);
        for (TargetPaths.Located l : found.located()) {
            Optional<String> target;
            String canonical;
            try {
                target = TargetFiles.linkTarget(run.root(), l.filepath());
                if (target.isEmpty()) {
                    continue; // not a link: no symlink item
                }
                canonical = "/" + run.root().toAbsolutePath().normalize()
                        .relativize(TargetFiles.resolve(run.root(), l.filepath()).toAbsolutePath().normalize());
            } catch (UnreadableException e) {
                throw new OvalError(e.path() + ": " + e.reason());
            }
            Map<String, List<String>> f = new LinkedHashMap<>();
            f.put("filepath", List.of(l.filepath()));
            f.put("canonical_path", List.of(canonical.equals("/") ? "/" : canonical.replaceAll("/+$", "")));
            items.add(new OvalItem("symlink_item", f));
        }
        if (filepath.nil()) {
            throw new OvalError(Run.where(object) + ": filepath is nil");
        }
        return result(items, found);
    }

    static Collected filehash58(OvalElement object, Run run) {
        Spec hashType = run.objects().spec(object, "hash_type")
                .orElseThrow(() -> new OvalError(Run.where(object) + ": no hash_type"));
        TargetPaths.Found found = TargetPaths.locate(object, run);
        List<OvalItem> items = new ArrayList<>();
        for (TargetPaths.Located l : found.located()) {
            Optional<byte[]> bytes;
            try {
                if (!TargetFiles.isRegularFile(run.root(), l.filepath())) {
                    continue;
                }
                bytes = TargetFiles.readBytes(run.root(), l.filepath(), MAX_HASHED);
            } catch (UnreadableException e) {
                throw new OvalError(e.path() + ": " + e.reason());
            }
            if (bytes.isEmpty()) {
                continue;
            }
            for (String type : List.of("MD5", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512")) {
                if (!hashType.selects(type, run.regexes())) {
                    continue;
                }
                Map<String, List<String>> f = located(l);
                f.put("hash_type", List.of(type));
                f.put("hash", List.of(hash(type, bytes.get())));
                items.add(new OvalItem("filehash58_item", f));
            }
        }
        return result(items, found);
    }

    static String hash(String type, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(type).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new OvalError("hash " + type + " is not available");
        }
    }

    static Map<String, List<String>> located(TargetPaths.Located l) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("filepath", List.of(l.filepath()));
        f.put("path", List.of(l.path()));
        if (!l.filename().isEmpty()) {
            f.put("filename", List.of(l.filename()));
        }
        return f;
    }

    static Collected result(List<OvalItem> items, TargetPaths.Found found) {
        if (found.problem() != null) {
            return new Collected(Collected.Flag.INCOMPLETE, items, found.problem());
        }
        return Collected.of(items);
    }

    private static String type(int mode) {
        return switch (mode & 0170000) {
        case 0100000 -> "regular";
        case 0040000 -> "directory";
        case 0120000 -> "symbolic link";
        case 0010000 -> "named pipe";
        case 0140000 -> "socket";
        case 0020000 -> "character special";
        case 0060000 -> "block special";
        default -> "unknown";
        };
    }
}
