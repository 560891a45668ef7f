package org.bulwark.ui;

/** Ids of the workbench's model elements (Application.e4xmi and this bundle's fragment.e4xmi). */
public final class WorkbenchIds {

    /** The application; model fragments contribute commands and handlers to it. */
    public static final String APPLICATION = "org.bulwark.ui.app.application";
    /** The main window. */
    public static final String WINDOW = "org.bulwark.ui.app.window";
    /** The left stack (dashboard, activities, exceptions). */
    public static final String STACK_LEFT = "org.bulwark.ui.app.stack.left";
    /** The right stack (recommendations, details). */
    public static final String STACK_RIGHT = "org.bulwark.ui.app.stack.right";

    public static final String PART_DASHBOARD = "org.bulwark.ui.part.dashboard";
    public static final String PART_RECOMMENDATIONS = "org.bulwark.ui.part.recommendations";
    public static final String PART_DETAILS = "org.bulwark.ui.part.details";
    public static final String PART_ACTIVITIES = "org.bulwark.ui.part.activities";
    public static final String PART_EXCEPTIONS = "org.bulwark.ui.part.exceptions";

    public static final String COMMAND_REASSESS = "org.bulwark.ui.command.reassess";

    private WorkbenchIds() {
    }
}
