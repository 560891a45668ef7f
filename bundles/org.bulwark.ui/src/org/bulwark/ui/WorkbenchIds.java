package org.bulwark.ui;

/**
 * Ids of the workbench's model elements (Application.e4xmi and this bundle's fragment.e4xmi), and the context
 * variables in which the parts keep their selection for the commands' handlers.
 */
public final class WorkbenchIds {

    /** The application; model fragments contribute commands and handlers to it. */
    public static final String APPLICATION = "org.bulwark.ui.app.application";
    /** The main window. */
    public static final String WINDOW = "org.bulwark.ui.app.window";
    /** The left stack (dashboard, activities, exceptions, changes). */
    public static final String STACK_LEFT = "org.bulwark.ui.app.stack.left";
    /** The right stack (recommendations, details, weaknesses). */
    public static final String STACK_RIGHT = "org.bulwark.ui.app.stack.right";

    public static final String PART_DASHBOARD = "org.bulwark.ui.part.dashboard";
    public static final String PART_RECOMMENDATIONS = "org.bulwark.ui.part.recommendations";
    public static final String PART_DETAILS = "org.bulwark.ui.part.details";
    public static final String PART_ACTIVITIES = "org.bulwark.ui.part.activities";
    public static final String PART_EXCEPTIONS = "org.bulwark.ui.part.exceptions";
    /** A device's change timeline: what changed between each two consecutive assessments. */
    public static final String PART_CHANGES = "org.bulwark.ui.part.changes";
    /** The fleet's exposure: score and band, each device's, the software recommendations. */
    public static final String PART_WEAKNESSES = "org.bulwark.ui.part.weaknesses";

    /** Assess this device again and store the assessment. */
    public static final String COMMAND_REASSESS = "org.bulwark.ui.command.reassess";
    /** Ask for a remediation activity on the {@link #SELECTED_RECOMMENDATION}'s exposed devices (a dialog). */
    public static final String COMMAND_SUBMIT_REQUEST = "org.bulwark.ui.command.submitRequest";
    /** Create an exception for the {@link #SELECTED_RECOMMENDATION}'s control (a dialog). */
    public static final String COMMAND_CREATE_EXCEPTION = "org.bulwark.ui.command.createException";
    /** Write every remediation activity to a CSV file: {@link #PARAMETER_FILE}, else the one a dialog asks for. */
    public static final String COMMAND_EXPORT_ACTIVITIES = "org.bulwark.ui.command.exportActivities";
    /** The optional parameter of {@link #COMMAND_EXPORT_ACTIVITIES}: the file to write. */
    public static final String PARAMETER_FILE = "org.bulwark.ui.command.exportActivities.file";
    /** Mark the {@link #SELECTED_ACTIVITY} complete (an active one). */
    public static final String COMMAND_COMPLETE_ACTIVITY = "org.bulwark.ui.command.completeActivity";
    /** Edit the {@link #SELECTED_ACTIVITY}'s title, priority, due date and notes (an active one; a dialog). */
    public static final String COMMAND_EDIT_ACTIVITY = "org.bulwark.ui.command.editActivity";
    /** Cancel the {@link #SELECTED_ACTIVITY} (an active one, after a confirmation). */
    public static final String COMMAND_CANCEL_ACTIVITY = "org.bulwark.ui.command.cancelActivity";
    /** Edit the {@link #SELECTED_EXCEPTION}'s expiry, justification and notes (an active one; a dialog). */
    public static final String COMMAND_EDIT_EXCEPTION = "org.bulwark.ui.command.editException";
    /** Cancel the {@link #SELECTED_EXCEPTION} (an active one, after a confirmation). */
    public static final String COMMAND_CANCEL_EXCEPTION = "org.bulwark.ui.command.cancelException";

    /** Context variable of the details part: the control id ({@code String}) of the recommendation it shows. */
    public static final String SELECTED_RECOMMENDATION = "org.bulwark.ui.selected.recommendation";
    /** Context variable of the activities part: the selected activity ({@code org.bulwark.store.api.Remediation}). */
    public static final String SELECTED_ACTIVITY = "org.bulwark.ui.selected.activity";
    /**
     * Context variable of the exceptions part: the selected exception ({@code org.bulwark.store.api.StoredException}).
     */
    public static final String SELECTED_EXCEPTION = "org.bulwark.ui.selected.exception";

    private WorkbenchIds() {
    }
}
