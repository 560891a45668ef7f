package org.bulwark.scoring.internal;

import java.time.Instant;
import java.util.Collection;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.Fleet;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.scoring.api.XccdfItem;
import org.bulwark.scoring.api.XccdfModel;
import org.bulwark.scoring.api.XccdfScore;
import org.osgi.service.component.annotations.Component;

/** The {@link ScoringService}: stateless; every call works on its own data. */
@Component(service = ScoringService.class)
public final class DefaultScoringService implements ScoringService {

    @Override
    public FleetScore score(Collection<ControlRef> controls, Collection<DeviceResults> devices,
            Collection<ControlException> exceptions, Instant now) {
        Fleet fleet = newFleet(controls, exceptions, now);
        devices.forEach(fleet::put);
        return fleet.score();
    }

    @Override
    public Fleet newFleet(Collection<ControlRef> controls, Collection<ControlException> exceptions, Instant now) {
        return new SecureFleet(controls, exceptions, now, DEFAULT_INACTIVITY_WINDOW);
    }

    @Override
    public XccdfScore xccdf(XccdfItem benchmark, XccdfModel model) {
        return XccdfScorer.score(benchmark, model);
    }
}
