package org.bulwark.ui.internal;

import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.report.api.ReportWriter;
import org.bulwark.scoring.api.AssessmentService;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.store.api.AssessmentStoreFactory;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.jobs.LoadJob;
import org.bulwark.ui.internal.model.Backend;
import org.bulwark.ui.internal.model.DataLocation;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The workbench's state shared by the parts: the backend (tracked OSGi services) and the latest snapshot. One
 * per workbench, created by injection. Parts read {@link #current()} when they are created and follow
 * {@link WorkbenchTopics#SNAPSHOT} afterwards.
 */
@Creatable
@Singleton
public class Session implements Backend.Services {

    @Inject @Optional @Service volatile AssessmentService assessments;
    @Inject @Optional @Service volatile ScoringService scoring;
    @Inject @Optional @Service volatile AssessmentStoreFactory stores;
    @Inject @Optional @Service volatile ReportWriter writer;
    @Inject @Optional @Service volatile BenchmarkRegistry registry;

    private final Backend backend;
    private final IEventBroker broker;
    private volatile Snapshot current;
    private volatile boolean loading;
    private volatile org.bulwark.collector.api.Category category;
    private volatile String selected;

    @Inject
    public Session(IEventBroker broker) {
        this(broker, DataLocation.fromSystem());
    }

    /** For tests: a session on another data directory and filesystem root. */
    Session(IEventBroker broker, DataLocation location) {
        this.broker = broker;
        this.backend = new Backend(this, location);
    }

    public Backend backend() {
        return backend;
    }

    /** @return the latest snapshot, or {@code null} while the first one loads */
    public Snapshot current() {
        return current;
    }

    /** Loads the first snapshot in a Job unless it is loaded or loading. */
    public synchronized void ensureLoaded() {
        if (current == null && !loading) {
            loading = true;
            refresh();
        }
    }

    /** Reloads the snapshot from the store in a Job; parts hear of it through {@link WorkbenchTopics#SNAPSHOT}. */
    public void refresh() {
        new LoadJob(this).schedule();
    }

    /**
     * Called by jobs (any thread) with a new snapshot: keeps it and posts {@link WorkbenchTopics#SNAPSHOT}, unless it
     * was taken before the current one. Loads run concurrently (two quick changes, each followed by a refresh), so
     * the load that started first may finish last: its snapshot would show the store as it was before the later
     * change.
     *
     * @return whether it was published
     */
    public synchronized boolean publish(Snapshot snapshot) {
        Snapshot c = current;
        if (c != null && snapshot.at().isBefore(c.at())) {
            return false;
        }
        current = snapshot;
        broker.post(WorkbenchTopics.SNAPSHOT, snapshot);
        return true;
    }

    /** The category the recommendations show, or {@code null} for all. */
    public org.bulwark.collector.api.Category category() {
        return category;
    }

    /** Filters the recommendations to {@code c} (a tile click): posts {@link WorkbenchTopics#CATEGORY_SELECTED}. */
    public void selectCategory(org.bulwark.collector.api.Category c) {
        category = c;
        if (c != null) {
            broker.send(WorkbenchTopics.CATEGORY_SELECTED, c);
        }
    }

    /** @return the control id of the selected recommendation, or {@code null} */
    public String selected() {
        return selected;
    }

    /** Selects a recommendation: posts {@link WorkbenchTopics#RECOMMENDATION_SELECTED}. */
    public void select(String controlId) {
        selected = controlId;
        if (controlId != null) {
            broker.send(WorkbenchTopics.RECOMMENDATION_SELECTED, controlId);
        }
    }

    /** @return who creates and changes activities and exceptions in this workbench: the user running it */
    public static String user() {
        return System.getProperty("user.name", "workbench");
    }

    public IEventBroker broker() {
        return broker;
    }

    @Override
    public AssessmentService assessments() {
        return assessments;
    }

    @Override
    public ScoringService scoring() {
        return scoring;
    }

    @Override
    public AssessmentStoreFactory stores() {
        return stores;
    }

    @Override
    public ReportWriter writer() {
        return writer;
    }

    @Override
    public BenchmarkRegistry registry() {
        return registry;
    }
}
