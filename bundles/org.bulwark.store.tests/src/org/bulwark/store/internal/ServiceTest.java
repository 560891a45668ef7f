package org.bulwark.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Hashtable;

import org.bulwark.store.api.AssessmentStore;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The factory is a DS service in OSGi and opens the embedded default store; the configured store appears with a
 * configuration for its PID and goes with it.
 */
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

    @Test
    void theConfiguredStoreFollowsItsConfiguration() throws Exception {
        var context = FrameworkUtil.getBundle(ServiceTest.class).getBundleContext();
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cm = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        ServiceTracker<AssessmentStore, AssessmentStore> stores = new ServiceTracker<>(context, AssessmentStore.class,
                null);
        cm.open();
        stores.open();
        try {
            assertNull(stores.getService(), "no store without a configuration");
            Configuration c = cm.waitForService(10_000).getConfiguration(ConfiguredStore.PID, "?");
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("configured"));
            c.update(properties);
            AssessmentStore store = stores.waitForService(10_000);
            assertNotNull(store, "the configured store appears");
            assertEquals(Migrations.latest(), store.schemaVersion());
            store.save(Fixtures.assessment(Fixtures.device("d1"), java.time.Instant.parse("2026-11-01T00:00:00Z"),
                    java.util.List.of(Fixtures.r("c1", org.bulwark.collector.api.Category.NETWORK, 3,
                            org.bulwark.scoring.api.ResultState.PASS)), java.util.List.of()), "{}");
            store.close(); // does nothing: the service is shared
            assertEquals(1, store.history(null, null).size());
            c.delete();
            long deadline = System.currentTimeMillis() + 10_000;
            while (stores.getService() != null && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertNull(stores.getService(), "the store goes with its configuration");
        } finally {
            stores.close();
            cm.close();
        }
    }
}
