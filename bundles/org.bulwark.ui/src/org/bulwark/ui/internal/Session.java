package org.bulwark.ui.internal;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.bulwark.benchmark.api.BenchmarkRegistry;
import org.bulwark.operations.api.Assessments;
import org.bulwark.operations.api.EntityCsv;
import org.bulwark.operations.api.ExceptionOperations;
import org.bulwark.operations.api.FileOutput;
import org.bulwark.operations.api.Location;
import org.bulwark.operations.api.Locations;
import org.bulwark.operations.api.RecommendationRows;
import org.bulwark.operations.api.RemediationOperations;
import org.bulwark.operations.api.VulnerabilityOperations;
import org.bulwark.scoring.api.ScoringService;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.jobs.LoadJob;
import org.bulwark.ui.internal.model.Backend;
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

    @Inject @Optional @Service volatile Locations locations;
    @Inject @Optional @Service volatile Assessments assessments;
    @Inject @Optional @Service volatile ExceptionOperations exceptions;
    @Inject @Optional @Service volatile RemediationOperations remediations;
    @Inject @Optional @Service volatile RecommendationRows rows;
    @Inject @Optional @Service volatile EntityCsv csv;
    @Inject @Optional @Service volatile FileOutput files;
    @Inject @Optional @Service volatile ScoringService scoring;
    @Inject @Optional @Service volatile BenchmarkRegistry registry;
    @Inject @Optional @Service volatile VulnerabilityOperations vulnerabilities;

    private final Backend backend;
    private final IEventBroker broker;
    private volatile Snapshot current;
    private volatile boolean loading;
    private volatile org.bulwark.collector.api.Category category;
    private volatile String selected;

    /**
     * The workbench's session: the data where {@link Locations} says (the {@code bulwark} script passes
     * {@code -Dbulwark.data}), this machine's filesystem ({@code -Dbulwark.root}, else {@code /}).
     */
    @Inject
    public Session(IEventBroker broker) {
        this(broker, null, Path.of(System.getProperty("bulwark.root", "/")));
    }

    /** For tests: a session on another data directory and filesystem root. */
    Session(IEventBroker broker, Location location, Path root) {
        this.broker = broker;
        this.backend = new Backend(this, location, root);
    }

    public Backend backend() {
        return backend;
    }

    /** @return the latest snapshot, or {@code null} while the first one loads */
    public Snapshot current() {
        return current;
    }

    /**
     * What a part does when it is created: shows the latest snapshot with {@code show}, or, while there is none yet,
     * runs {@code meanwhile} and loads the first (the part shows it on {@link WorkbenchTopics#SNAPSHOT}).
     */
    public void showOrLoad(Consumer<Snapshot> show, Runnable meanwhile) {
        Snapshot s = current();
        if (s != null) {
            show.accept(s);
        } else {
            meanwhile.run();
            ensureLoaded();
        }
    }

    /** {@link #showOrLoad(Consumer, Runnable)} with nothing to do meanwhile. */
    public void showOrLoad(Consumer<Snapshot> show) {
        showOrLoad(show, () -> {
        });
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
    public Locations locations() {
        return locations;
    }

    @Override
    public Assessments assessments() {
        return assessments;
    }

    @Override
    public ExceptionOperations exceptions() {
        return exceptions;
    }

    @Override
    public RemediationOperations remediations() {
        return remediations;
    }

    @Override
    public RecommendationRows rows() {
        return rows;
    }

    @Override
    public EntityCsv csv() {
        return csv;
    }

    @Override
    public FileOutput files() {
        return files;
    }

    @Override
    public ScoringService scoring() {
        return scoring;
    }

    @Override
    public BenchmarkRegistry registry() {
        return registry;
    }

    @Override
    public VulnerabilityOperations vulnerabilities() {
        return vulnerabilities;
    }
}
