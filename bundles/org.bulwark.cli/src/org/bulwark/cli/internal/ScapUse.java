package org.bulwark.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.ScapProfiles;

/** The only class of the command line that touches the (optionally imported) SCAP API. */
final class ScapUse {

    private ScapUse() {
    }

    static List<ScapCommand.ProfileRow> profiles(Services services, Path content, Path tailoring) {
        List<ResolvedProfile> profiles;
        try {
            profiles = services.get(ScapProfiles.class).profiles(content, Optional.ofNullable(tailoring));
        } catch (ScapContentException e) {
            throw new CliException(ExitCodes.CONTENT, "SCAP content rejected: " + e.getMessage());
        }
        List<ScapCommand.ProfileRow> rows = new ArrayList<>();
        for (ResolvedProfile p : profiles) {
            rows.add(new ScapCommand.ProfileRow(p.benchmarkId(), p.profile().id(), p.profile().title(),
                    p.profile().extendsId(), p.fromTailoring(), p.selectedRules().size()));
        }
        return rows;
    }
}
