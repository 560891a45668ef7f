package org.bulwark.collector.linux.application.internal;

import java.util.ArrayList;
import java.util.List;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.inventory.InventoryProvider;
import org.bulwark.collector.api.inventory.SoftwareInventory;
import org.bulwark.collector.api.inventory.SoftwareItem;
import org.bulwark.linux.DpkgStatus;
import org.bulwark.linux.ParseProblem;
import org.osgi.service.component.annotations.Component;

/**
 * The installed packages of a Debian or Ubuntu target, from its dpkg database read through
 * {@code TargetFiles} (so a {@code --root} is never left): one item per (name, architecture) with the source
 * package and source version that vulnerability feeds compare. UNAVAILABLE on a target without dpkg,
 * UNREADABLE when the database cannot be read.
 */
@Component(service = InventoryProvider.class)
public final class DpkgInventoryProvider implements InventoryProvider {

    /** The origin of every item. */
    static final String ORIGIN = "dpkg";

    @Override
    public String id() {
        return "linux.dpkg";
    }

    @Override
    public SoftwareInventory inventory(AssessmentContext context) {
        DpkgStatus db = DpkgStatus.read(context.root());
        if (db.unreadable().isPresent()) {
            return SoftwareInventory.unreadable(ORIGIN, db.unreadable().get().getMessage());
        }
        if (!db.exists()) {
            return SoftwareInventory.unavailable(ORIGIN,
                    "no dpkg package database " + DpkgStatus.PATH + " (not a Debian-based system)");
        }
        List<SoftwareItem> items = new ArrayList<>(db.inventory().size());
        for (DpkgStatus.Package p : db.inventory().values()) {
            if (context.isCancelled()) {
                return SoftwareInventory.unreadable(ORIGIN, "cancelled at the deadline after " + items.size()
                        + " of " + db.inventory().size() + " packages");
            }
            items.add(new SoftwareItem(p.name(), p.architecture(), p.version(), p.sourceName(), p.sourceVersion(),
                    p.status(), "", ORIGIN));
        }
        return SoftwareInventory.read(ORIGIN, items, db.problems().stream().map(ParseProblem::describe).toList());
    }
}
