package org.bulwark.operations.internal;

import java.nio.file.Path;
import java.util.Objects;

import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;
import org.bulwark.operations.api.StoreOpener;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link Locations} service, over the process's environment and system properties. */
@Component(service = Locations.class)
public final class LocationsComponent implements Locations {

    private final AssessmentStoreFactory stores;
    private final LocationRules rules = new LocationRules(System::getenv, System::getProperty);

    @Activate
    public LocationsComponent(@Reference AssessmentStoreFactory stores) {
        this.stores = stores;
    }

    @Override
    public Location resolve(Path dataFlag, String dbFlag) {
        return rules.resolve(dataFlag, dbFlag);
    }

    @Override
    public StoreOpener opener(Location location) {
        String url = Objects.requireNonNull(location, "location").jdbcUrl();
        return () -> stores.open(url);
    }
}
