package org.bulwark.scap.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bulwark.scap.Benchmark;
import org.bulwark.scap.Profile;
import org.bulwark.scap.ResolvedProfile;
import org.bulwark.scap.ScapContent;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.ScapContentReader;
import org.bulwark.scap.ScapProfiles;
import org.bulwark.scap.Tailoring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The profiles of SCAP content: read with the {@link ScapContentReader}, resolved by {@link ProfileResolver}. */
@Component(service = ScapProfiles.class)
public final class DefaultScapProfiles implements ScapProfiles {

    private final ScapContentReader reader;

    @Activate
    public DefaultScapProfiles(@Reference ScapContentReader reader) {
        this.reader = reader;
    }

    @Override
    public List<ResolvedProfile> profiles(Path content, Optional<Path> tailoringFile) throws ScapContentException {
        ScapContent c = reader.read(content);
        Optional<Tailoring> tailoring = Optional.empty();
        if (tailoringFile.isPresent()) {
            Benchmark first = c.benchmark().orElseThrow(() -> new ScapContentException(c.file(),
                    "holds no XCCDF benchmark to tailor"));
            tailoring = Optional.of(reader.readTailoring(tailoringFile.get(), first));
        }
        List<ResolvedProfile> out = new ArrayList<>();
        for (Benchmark b : c.benchmarks()) {
            for (Profile p : b.profiles()) {
                out.add(ProfileResolver.resolve(b, Optional.empty(), p.id()));
            }
        }
        if (tailoring.isPresent()) {
            for (Profile p : tailoring.get().profiles()) {
                out.add(ProfileResolver.resolve(c.benchmarks().get(0), tailoring, p.id()));
            }
        }
        return out;
    }

    @Override
    public ResolvedProfile resolve(Benchmark benchmark, Optional<Tailoring> tailoring, String profileId)
            throws ScapContentException {
        return ProfileResolver.resolve(benchmark, tailoring, profileId);
    }
}
