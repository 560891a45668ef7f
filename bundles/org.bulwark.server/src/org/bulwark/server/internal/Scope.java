package org.bulwark.server.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.Device;
import org.bulwark.server.api.FleetServer;
import org.bulwark.store.api.Remediation;

/**
 * What a caller sees: the devices of its token's groups, and the exceptions and activities about them. A device
 * that exists outside the caller's groups is answered like one that does not exist (404).
 */
final class Scope {

    private final Tokens.Token caller;
    private final Map<String, Device> devices;

    private Scope(Tokens.Token caller, Map<String, Device> devices) {
        this.caller = caller;
        this.devices = devices;
    }

    /** @return what {@code caller} sees of the devices {@code state} knows now */
    static Scope of(FleetState state, Tokens.Token caller) {
        Map<String, Device> all = state.devices();
        if (caller.allGroups()) {
            return new Scope(caller, all);
        }
        Map<String, Device> mine = new HashMap<>();
        for (Device d : all.values()) {
            if (caller.sees(groupOf(d))) {
                mine.put(d.id(), d);
            }
        }
        return new Scope(caller, mine);
    }

    /**
     * @return a device's group: the one the store keeps for it (the first by name, should it be given several
     *         outside the server), else {@value FleetServer#UNGROUPED}
     */
    static String groupOf(Device d) {
        return d.groups().isEmpty() ? FleetServer.UNGROUPED : new TreeSet<>(d.groups()).first();
    }

    Tokens.Token caller() {
        return caller;
    }

    /** @return the visible devices by id */
    Map<String, Device> devices() {
        return devices;
    }

    /** @return the visible device with id, else host name, {@code idOrName}; 404 when there is none */
    Device device(String idOrName) {
        Device d = devices.get(idOrName);
        if (d != null) {
            return d;
        }
        for (Device v : devices.values()) {
            if (v.hostname().equals(idOrName)) {
                return v;
            }
        }
        throw ApiError.notFound("no machine '" + idOrName + "'");
    }

    /** @return whether the caller sees an exception: of one of its devices, of one of its groups, or global */
    boolean sees(ControlException e) {
        return switch (e.scope()) {
            case DEVICE -> devices.containsKey(e.target());
            case GROUP -> caller.sees(e.target());
            case GLOBAL -> true;
        };
    }

    /** @return whether the caller sees an activity: of one of its groups, or of its devices only */
    boolean sees(Remediation r) {
        return r.scope() == Remediation.Scope.GROUP ? caller.sees(r.group())
                : devices.keySet().containsAll(r.devices());
    }
}
