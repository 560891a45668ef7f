package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The factory is a DS service in OSGi and opens the embedded default store. */
class ServiceTest {

    @TempDir
    Path dir;

    @Test
    void theFactoryServiceOpensTheEmbeddedStore() throws Exception {
        var context = FrameworkUtil.getBundle(ServiceTest.class).getBundleContext();
        ServiceTracker<AssessmentStoreFactory, AssessmentStoreFactory> tracker = new ServiceTracker<>(context,
                AssessmentStoreFactory.class, null);
        tracker.open();
        try {
            AssessmentStoreFactory factory = tracker.waitForService(10_000);
            assertNotNull(factory, "AssessmentStoreFactory service");
            String url = AssessmentStoreFactory.embeddedUrl(dir);
            assertEquals("jdbc:h2:file:" + dir.toAbsolutePath().normalize() + "/bulwark", url);
            try (AssessmentStore store = factory.open(url)) {
                assertEquals(Migrations.latest(), store.schemaVersion());
                assertEquals(0, store.history(null, null).size());
            }
        } finally {
            tracker.close();
        }
    }
}
