package org.bulwark.server.internal;

import java.time.Instant;
import java.util.Map;

import org.bulwark.operations.api.EntityJson;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceScore;
import org.bulwark.scoring.api.Points;
import org.bulwark.store.api.DevicePlatform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of the server's own figures (scores, machines), with the field names of its OpenAPI document. */
final class ServerJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private ServerJson() {
    }

    /** Adds {@code score}, {@code rawPoints} and {@code maxPoints}. */
    static void points(ObjectNode o, Points p) {
        number(o, "score", p.score());
        number(o, "rawPoints", p.earned());
        number(o, "maxPoints", p.possible());
    }

    /** Adds a figure unrounded, as every front end gives it ({@code EntityJson}); {@code null} for NaN (nothing counted). */
    static void number(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }

    /** @return the {@code osPlatform} of device {@code id} ({@code Unknown} without a platform) */
    static String osPlatform(EntityJson json, Map<String, DevicePlatform> platforms, String id) {
        DevicePlatform p = platforms.getOrDefault(id, DevicePlatform.UNKNOWN);
        return json.osPlatform(p.osFamily(), p.osVersion());
    }

    /**
     * @param osPlatform the platform in Defender's {@code osPlatform} values ({@code EntityJson.osPlatform})
     * @return a machine: id, host name, OS, osPlatform, group, last seen, and its points when it is scored
     */
    static ObjectNode machine(Device d, String osPlatform, DeviceScore score, Instant lastSeen) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id());
        o.put("hostname", d.hostname());
        o.put("os", d.os());
        o.put("osPlatform", osPlatform);
        o.put("group", Scope.groupOf(d));
        o.put("lastSeen", lastSeen == null ? null : lastSeen.toString());
        if (score != null) {
            points(o, score.points());
        }
        return o;
    }
}
