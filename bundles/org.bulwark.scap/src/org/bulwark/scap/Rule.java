package org.bulwark.scap;

import java.util.List;
import java.util.Optional;

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
 * @param rationale its rationale as plain text (XHTML markup dropped, white space collapsed)
 * @param fixTexts its {@code fixtext} elements as plain text
 * @param fixes its {@code fix} elements (remediation scripts)
 * @param platforms the {@code idref}s of its {@code platform} elements (a CPE name, or {@code #id} of a CPE
 *        applicability platform of the benchmark)
 * @param checks its {@code check} elements; the first whose system the evaluator supports applies (XCCDF 1.2,
 *        7.2.3.5.3), unless {@code complexCheck} is present
 * @param complexCheck its {@code complex-check}, which then replaces {@code checks}
 */
public record Rule(String id, String title, String severity, double weight, boolean selected, String groupId,
        List<Ident> idents, List<Reference> references, String rationale, List<String> fixTexts, List<Fix> fixes,
        List<String> platforms, List<Check> checks, Optional<ComplexCheck> complexCheck) {

    public Rule {
        idents = List.copyOf(idents);
        references = List.copyOf(references);
        fixTexts = List.copyOf(fixTexts);
        fixes = List.copyOf(fixes);
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
     * An XCCDF {@code fix}: its text exactly as written (white space kept), with the {@code sub} elements taken
     * out and listed with the offset in the text where the value they name belongs.
     *
     * @param system the fix system, e.g. {@code urn:xccdf:fix:script:sh}
     * @param id its {@code id}, or {@code ""}
     * @param text the script without its {@code sub} elements
     * @param subs the {@code sub} elements in document order
     */
    public record Fix(String system, String id, String text, List<Sub> subs) {

        public Fix {
            subs = List.copyOf(subs);
        }
    }

    /**
     * @param offset the offset in {@link Fix#text()} where the value is inserted
     * @param idref the XCCDF value (or plain-text) id
     */
    public record Sub(int offset, String idref) {
    }

    /**
     * An XCCDF {@code check}.
     *
     * @param system the checking system, e.g. {@code http://oval.mitre.org/XMLSchema/oval-definitions-5}
     * @param selector its {@code selector}, or {@code ""}
     * @param multiCheck whether {@code multi-check="true"}
     * @param contentRefs its {@code check-content-ref} elements (alternatives, the first resolvable applies)
     * @param exports the {@code check-export} elements
     */
    public record Check(String system, String selector, boolean multiCheck, List<ContentRef> contentRefs,
            List<Export> exports) {

        public Check {
            contentRefs = List.copyOf(contentRefs);
            exports = List.copyOf(exports);
        }

        /** @return the first {@code check-content-ref href}, or {@code ""} */
        public String href() {
            return contentRefs.isEmpty() ? "" : contentRefs.get(0).href();
        }

        /** @return the first {@code check-content-ref name}, or {@code ""} (all of the component) */
        public String name() {
            return contentRefs.isEmpty() ? "" : contentRefs.get(0).name();
        }
    }

    /**
     * @param href the component (a data stream catalog name or a file name)
     * @param name the OVAL definition id, or {@code ""} for every definition (with {@code multi-check})
     */
    public record ContentRef(String href, String name) {
    }

    /**
     * @param valueId the XCCDF value's id
     * @param exportName the OVAL external variable's id
     */
    public record Export(String valueId, String exportName) {
    }

    /**
     * An XCCDF {@code complex-check}.
     *
     * @param operator {@code AND} or {@code OR}
     * @param negate whether the result is negated
     * @param checks its {@code check} children
     * @param complexChecks its nested {@code complex-check} children
     */
    public record ComplexCheck(String operator, boolean negate, List<Check> checks, List<ComplexCheck> complexChecks) {

        public ComplexCheck {
            checks = List.copyOf(checks);
            complexChecks = List.copyOf(complexChecks);
        }
    }
}
