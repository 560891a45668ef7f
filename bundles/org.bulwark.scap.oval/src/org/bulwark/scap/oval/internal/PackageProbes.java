package org.bulwark.scap.oval.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bulwark.linux.DpkgStatus;
import org.bulwark.scap.OvalElement;
import org.bulwark.scap.oval.OvalItem;
import org.bulwark.version.api.DebianVersion;

/**
 * linux {@code dpkginfo}: the installed packages of the target's dpkg database ({@link DpkgStatus}: a package
 * whose status is {@code not-installed} or {@code config-files} is not installed), one item per name and
 * architecture. {@code epoch} is {@code 0} when the version has none, {@code release} the Debian revision
 * ({@code ""} for a native package) and {@code evr} {@code epoch:upstream[-revision]}. A target without a dpkg
 * database has no such items; a database that cannot be read is an error.
 */
final class PackageProbes {

    private PackageProbes() {
    }

    static Collected dpkginfo(OvalElement object, Run run) {
        Spec name = run.objects().spec(object, "name").orElseThrow(() -> new OvalError(Run.where(object) + ": no name"));
        DpkgStatus dpkg = run.fact("dpkg", () -> DpkgStatus.read(run.root()));
        if (dpkg.unreadable().isPresent()) {
            throw new OvalError(dpkg.unreadable().get().path() + ": " + dpkg.unreadable().get().reason());
        }
        List<OvalItem> items = new ArrayList<>();
        for (DpkgStatus.Package p : dpkg.inventory().values()) {
            if (!name.selects(p.name(), run.regexes())) {
                continue;
            }
            Optional<DebianVersion> v = DebianVersion.parse(p.version()).valid();
            Map<String, List<String>> f = new LinkedHashMap<>();
            f.put("name", List.of(p.name()));
            f.put("arch", List.of(p.architecture()));
            if (v.isPresent()) {
                String epoch = Integer.toString(v.get().epoch());
                String release = v.get().revision();
                f.put("epoch", List.of(epoch));
                f.put("release", List.of(release));
                f.put("version", List.of(v.get().upstream()));
                f.put("evr", List.of(epoch + ":" + v.get().upstream() + (release.isEmpty() ? "" : "-" + release)));
            } else {
                f.put("version", List.of(p.version())); // an invalid version is kept as written; comparing it errs
                f.put("evr", List.of(p.version()));
            }
            items.add(new OvalItem("dpkginfo_item", f));
        }
        return Collected.of(items);
    }
}
