package org.bulwark.windows.offline.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bulwark.windows.api.Listing;
import org.bulwark.windows.api.PolFileEntry;
import org.bulwark.windows.api.PolicyFileView;
import org.bulwark.windows.api.RegKind;
import org.bulwark.windows.api.RegValue;
import org.bulwark.windows.api.TemplateEntry;
import org.bulwark.windows.regf.policy.AuditCsv;
import org.bulwark.windows.regf.policy.PolicyEntry;
import org.bulwark.windows.regf.policy.PolicyFile;
import org.bulwark.windows.regf.policy.PolicyFileException;
import org.bulwark.windows.regf.policy.SecurityTemplate;

/**
 * The local Group Policy files and applied security templates of an image, read when asked (they are small), each
 * bounded to {@value #MAX_POLICY_FILE} bytes. A missing file gives nothing; one that cannot be read or parsed is a
 * problem naming it and where. Never throws. Thread-safe.
 */
final class OfflinePolicyFiles implements PolicyFileView {

    static final int MAX_POLICY_FILE = 16 * 1024 * 1024;
    static final String GPO = "Windows/System32/GroupPolicy/";
    static final String GPT_TMPL = GPO + "Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf";
    static final String AUDIT_CSV = GPO + "Machine/Microsoft/Windows NT/Audit/audit.csv";
    static final String APPLIED_TEMPLATES = "Windows/security/templates/policies";

    private interface Parser<T> {
        List<T> parse(byte[] bytes, String file) throws PolicyFileException;
    }

    private final ImageFiles files;

    OfflinePolicyFiles(ImageFiles files) {
        this.files = files;
    }

    @Override
    public Listing<PolFileEntry> registryPol(Scope scope) {
        List<PolFileEntry> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        read(GPO + (scope == Scope.MACHINE ? "Machine" : "User") + "/Registry.pol", (bytes, file) -> {
            List<PolFileEntry> out = new ArrayList<>();
            for (PolicyEntry e : PolicyFile.parse(bytes, file)) {
                out.add(new PolFileEntry(file, e.key(), value(e), e.offset()));
            }
            return out;
        }, items, problems);
        return new Listing<>(items, problems);
    }

    @Override
    public Listing<TemplateEntry> securityTemplates() {
        List<TemplateEntry> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        paths.add(GPT_TMPL);
        try {
            for (String name : files.list(APPLIED_TEMPLATES)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("gpt") && (lower.endsWith(".inf") || lower.endsWith(".dom"))) {
                    paths.add(APPLIED_TEMPLATES + "/" + name);
                }
            }
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        for (String path : paths) {
            read(path, (bytes, file) -> SecurityTemplate.parse(bytes, file).entries().stream()
                    .map(e -> new TemplateEntry(file, e.section(), e.key(), e.value())).toList(), items, problems);
        }
        return new Listing<>(items, problems);
    }

    @Override
    public Listing<TemplateEntry> auditCsv() {
        List<TemplateEntry> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        read(AUDIT_CSV, (bytes, file) -> AuditCsv.parse(bytes, file).stream()
                .map(r -> new TemplateEntry(file, "audit.csv", r.subcategory(), String.valueOf(r.settingValue())
                        .strip())).toList(), items, problems);
        return new Listing<>(items, problems);
    }

    private <T> void read(String path, Parser<T> parser, List<T> items, List<String> problems) {
        Optional<ImageFiles.Found> found;
        try {
            found = files.file(path);
            if (found.isEmpty()) {
                return;
            }
            items.addAll(parser.parse(ImageFiles.read(found.get(), MAX_POLICY_FILE), found.get().targetPath()));
        } catch (IOException | PolicyFileException e) {
            problems.add(e.getMessage());
        }
    }

    static RegValue value(PolicyEntry e) {
        RegKind kind;
        try {
            kind = RegKind.valueOf(e.type().name());
        } catch (IllegalArgumentException x) {
            kind = RegKind.OTHER;
        }
        return new RegValue(e.valueName(), kind, e.type().code(), e.number(), e.text(),
                kind == RegKind.MULTI_SZ ? e.texts() : List.of(), e.data());
    }
}
