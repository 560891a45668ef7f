package org.bulwark.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration of the {@link ConfiguredStore} service (PID {@value ConfiguredStore#PID}). */
@ObjectClassDefinition(name = "Bulwark assessment store",
        description = "The store a server or the workbench uses: an H2 file or a PostgreSQL database.")
public @interface StoreConfiguration {

    @AttributeDefinition(name = "JDBC URL", description = "jdbc:h2:file:/var/lib/bulwark/bulwark or "
            + "jdbc:postgresql://host:5432/bulwark?user=bulwark&password=…")
    String url();
}
