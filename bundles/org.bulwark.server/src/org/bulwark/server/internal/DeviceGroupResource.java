package org.bulwark.server.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/deviceGroups}: the device group rules the caller sees; an administrator of all groups replaces them
 * whole.
 */
final class DeviceGroupResource implements Resource {

    private final GroupRules groups;

    DeviceGroupResource(GroupRules groups) {
        this.groups = groups;
    }

    @Override
    public void register(Routes routes) {
        routes.add("GET", "/api/deviceGroups", BearerAuth.READERS, this::list);
        routes.add("PUT", "/api/deviceGroups", BearerAuth.ADMINS, this::replace);
    }

    private Reply list(Request request) {
        List<GroupRules.Rule> rules = new ArrayList<>();
        for (GroupRules.Rule r : groups.rules()) {
            if (request.principal().sees(r.name())) {
                rules.add(r);
            }
        }
        ObjectNode root = ServerJson.JSON.createObjectNode();
        root.set("value", GroupRules.toJson(rules));
        return Reply.json(200, root);
    }

    private Reply replace(Request request) throws IOException {
        if (!request.principal().allGroups()) {
            // any rule may take in any group's machines (a catch-all ranked first): only a token of every group
            // may change them
            throw ApiError.forbidden("device group rules decide the group of every machine: replacing "
                    + "them needs an administrator token for all groups, not one of groups "
                    + String.join(", ", new TreeSet<>(request.principal().groups())));
        }
        JsonNode body = request.body().json();
        try {
            groups.replace(body);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(e.getMessage());
        }
        return list(request);
    }
}
