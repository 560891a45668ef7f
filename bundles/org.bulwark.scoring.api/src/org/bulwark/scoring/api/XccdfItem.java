package org.bulwark.scoring.api;

import java.util.List;

/** An XCCDF benchmark, group or rule, as far as scoring needs it. */
public sealed interface XccdfItem permits XccdfItem.Group, XccdfItem.Rule {

    String id();

    double weight();

    /** A benchmark or group with its children. */
    record Group(String id, double weight, List<XccdfItem> children) implements XccdfItem {
        public Group {
            children = List.copyOf(children);
        }
    }

    /**
     * A rule with its result.
     *
     * @param unscored {@code role="unscored"}: never counted
     */
    record Rule(String id, double weight, XccdfResult result, boolean unscored) implements XccdfItem {
    }
}
