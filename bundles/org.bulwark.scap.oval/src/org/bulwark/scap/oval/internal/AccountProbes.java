package org.bulwark.scap.oval.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.linux.ColonFile;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;

/**
 * unix {@code password} ({@code /etc/passwd}) and {@code shadow} ({@code /etc/shadow}) objects, read with
 * {@link ColonFile}: one item per well-formed line whose user name the object selects (malformed lines and NIS
 * {@code +}/{@code -} lines are no items). {@code last_login} is not collected; {@code encrypt_method} is told by
 * the hash's {@code $id$} prefix.
 */
final class AccountProbes {

    private static final String[] PASSWORD = { "username", "password", "user_id", "group_id", "gcos", "home_dir",
            "login_shell" };
    private static final String[] SHADOW = { "username", "password", "chg_lst", "chg_allow", "chg_req", "exp_warn",
            "exp_inact", "exp_date", "flag" };

    private AccountProbes() {
    }

    static Collected password(OvalElement object, Run run) {
        return rows(object, run, run.fact("passwd", () -> ColonFile.passwd(run.root())), PASSWORD, "password_item");
    }

    static Collected shadow(OvalElement object, Run run) {
        return rows(object, run, run.fact("shadow", () -> ColonFile.shadow(run.root())), SHADOW, "shadow_item");
    }

    private static Collected rows(OvalElement object, Run run, ColonFile file, String[] names, String type) {
        Spec user = run.objects().spec(object, "username")
                .orElseThrow(() -> new OvalError(Run.where(object) + ": no username"));
        if (file.unreadable().isPresent()) {
            throw new OvalError(file.unreadable().get().path() + ": " + file.unreadable().get().reason());
        }
        List<OvalItem> items = new ArrayList<>();
        for (ColonFile.Row row : file.rows()) {
            if (!user.selects(row.name(), run.regexes())) {
                continue;
            }
            Map<String, List<String>> f = new LinkedHashMap<>();
            for (int i = 0; i < names.length && i < row.fields().size(); i++) {
                f.put(names[i], List.of(row.get(i)));
            }
            if (type.equals("shadow_item")) {
                f.put("encrypt_method", List.of(method(row.get(1))));
            }
            items.add(new OvalItem(type, f));
        }
        return Collected.of(items);
    }

    /** @return the OVAL EntityItemEncryptMethodType of a crypt(3) hash, {@code ""} when none applies */
    static String method(String hash) {
        if (hash.startsWith("$1$")) {
            return "MD5";
        }
        if (hash.startsWith("$2")) {
            return "Blowfish";
        }
        if (hash.startsWith("$5$")) {
            return "SHA-256";
        }
        if (hash.startsWith("$6$")) {
            return "SHA-512";
        }
        if (hash.startsWith("_")) {
            return "BSDi";
        }
        if (hash.length() == 13 && hash.matches("[./0-9A-Za-z]{13}")) {
            return "DES";
        }
        return "";
    }
}
