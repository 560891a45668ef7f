package org.bulwark.ui;

/**
 * Event broker topics the workbench posts. Parts subscribe with {@code @UIEventTopic}; the data is the event's
 * {@code org.eclipse.e4.data} value.
 */
public final class WorkbenchTopics {

    /** Base of every topic. */
    public static final String BASE = "org/bulwark/ui/";
    /** A new snapshot of the scores and recommendations was loaded (after start, re-assess or a store change). */
    public static final String SNAPSHOT = BASE + "snapshot";
    /** A category tile was clicked; data: the {@code Category}, or {@code null} for all. */
    public static final String CATEGORY_SELECTED = BASE + "category";
    /** A recommendation was selected; data: the control id. */
    public static final String RECOMMENDATION_SELECTED = BASE + "recommendation";
    /** A remediation activity changed in the store; data: the activity as stored ({@code Remediation}). */
    public static final String ACTIVITIES_CHANGED = BASE + "activities";
    /** A stored exception changed in the store; data: the exception as stored ({@code StoredException}). */
    public static final String EXCEPTIONS_CHANGED = BASE + "exceptions";
    /**
     * The dashboard showed a snapshot with a score (laid out, to be painted); data: what it shows, as one line
     * ({@code String}), e.g. {@code 52.2 · 43.8 of 84.0 points · 69 active recommendations}. For observers such as
     * the launch benchmark ({@code releng/benchmark-workbench.sh}).
     */
    public static final String DASHBOARD_SHOWN = BASE + "dashboard";
    /**
     * A device's change timeline was computed for the changes part; data: the timeline (its consecutive
     * assessments' diffs, newest first).
     */
    public static final String CHANGES = BASE + "changes";
    /** The fleet's exposure was computed for the weaknesses part; data: the exposure (or why there is none). */
    public static final String EXPOSURE = BASE + "exposure";
    /** A re-assessment made progress; data: a {@code String} message. */
    public static final String PROGRESS = BASE + "progress";
    /** Any workbench topic. */
    public static final String ALL = BASE + "*";

    private WorkbenchTopics() {
    }
}
