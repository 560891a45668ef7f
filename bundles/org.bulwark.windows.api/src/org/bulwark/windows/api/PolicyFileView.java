package org.bulwark.windows.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Group Policy files on a Windows target, for attributing a registry value to the policy that set it: the
 * local GPO's {@code Registry.pol}, the applied security templates ({@code Windows/security/templates/policies/
 * gpt*.inf|.dom}, the local GPO's {@code GptTmpl.inf}) and {@code audit.csv}. A missing file gives nothing; a
 * corrupt one is named in {@link Listing#problems()}. Never throws. Thread-safe.
 */
@ProviderType
public interface PolicyFileView {

    /** Which half of a GPO. */
    enum Scope { MACHINE, USER }

    /** @return the records of the local GPO's {@code Registry.pol} for {@code scope} */
    Listing<PolFileEntry> registryPol(Scope scope);

    /** @return the entries of every applied security template, file by file in name order */
    Listing<TemplateEntry> securityTemplates();

    /** @return the rows of every {@code audit.csv} of the local GPO */
    Listing<TemplateEntry> auditCsv();
}
