package org.bulwark.scap;

import java.util.List;

/**
 * An XCCDF rule.
 *
 * @param id the rule id
 * @param title its title
 * @param severity its {@code severity} ({@code unknown} when absent)
 * @param weight its {@code weight} (1.0 when absent)
 * @param selected its default {@code selected} attribute
 * @param groupId the enclosing group's id, or {@code ""}
 * @param idents its {@code ident} elements (CCE and others)
 * @param references its {@code reference} elements
 * @param rationale its rationale as plain text
 * @param fixTexts its {@code fixtext} elements as plain text
 * @param platforms the CPE names or platform ids of its {@code platform} elements
 * @param checks its {@code check} elements; when {@code complexCheck} is false, the first whose system is
 *        supported applies
 */
public record Rule(String id, String title, String severity, double weight, boolean selected, String groupId,
        List<Ident> idents, List<Reference> references, String rationale, List<String> fixTexts,
        List<String> platforms, List<Check> checks) {

    public Rule {
        idents = List.copyOf(idents);
        references = List.copyOf(references);
        fixTexts = List.copyOf(fixTexts);
        platforms = List.copyOf(platforms);
        checks = List.copyOf(checks);
    }

    /**
     * @param system the identifier system, e.g. {@code https://ncp.nist.gov/cce}
     * @param value the identifier, e.g. {@code CCE-80100-0}
     */
    public record Ident(String system, String value) {
    }

    /**
     * @param href the reference's {@code href}
     * @param text its text
     */
    public record Reference(String href, String text) {
    }

    /**
     * An XCCDF {@code check}.
     *
     * @param system the checking system, e.g. {@code http://oval.mitre.org/XMLSchema/oval-definitions-5}
     * @param multiCheck whether {@code multi-check="true"}
     * @param href the {@code check-content-ref href}, or {@code ""}
     * @param name the {@code check-content-ref name} (an OVAL definition id), or {@code ""}
     * @param exports the {@code check-export} elements: XCCDF value id to OVAL variable id
     */
    public record Check(String system, boolean multiCheck, String href, String name, List<Export> exports) {

        public Check {
            exports = List.copyOf(exports);
        }
    }

    /**
     * @param valueId the XCCDF value's id
     * @param exportName the OVAL external variable's id
     */
    public record Export(String valueId, String exportName) {
    }
}
