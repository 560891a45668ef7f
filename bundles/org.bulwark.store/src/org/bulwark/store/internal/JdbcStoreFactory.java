package org.bulwark.store.internal;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.store.api.StoreException;
import org.osgi.service.component.annotations.Component;

/** The {@link AssessmentStoreFactory} service: stateless; every {@link #open} gets its own connection. */
@Component(service = AssessmentStoreFactory.class)
public final class JdbcStoreFactory implements AssessmentStoreFactory {

    @Override
    public AssessmentStore open(String jdbcUrl) throws StoreException {
        return JdbcStore.open(jdbcUrl);
    }
}
