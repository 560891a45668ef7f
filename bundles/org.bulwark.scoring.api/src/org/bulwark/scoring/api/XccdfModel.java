package org.bulwark.scoring.api;

/** The four XCCDF 1.2 scoring models. */
public enum XccdfModel {
    DEFAULT("urn:xccdf:scoring:default"),
    FLAT("urn:xccdf:scoring:flat"),
    FLAT_UNWEIGHTED("urn:xccdf:scoring:flat-unweighted"),
    ABSOLUTE("urn:xccdf:scoring:absolute");

    private final String uri;

    XccdfModel(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}
