package org.bulwark.ui.internal.parts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * A part's access to the workbench's commands (fragment.e4xmi): its buttons execute them through the handler
 * service in the part's context, where the part keeps its selection as a context variable
 * ({@code WorkbenchIds.SELECTED_*}) for the handlers' {@code @CanExecute} and {@code @Execute}; a button is enabled
 * when its handler can execute. One per part, created by injection in the part's context.
 */
@Creatable
public final class PartCommands {

    private final IEclipseContext context;
    private final ECommandService commands;
    private final EHandlerService handlers;
    private final Map<Button, String> buttons = new LinkedHashMap<>();

    @Inject
    public PartCommands(IEclipseContext context, ECommandService commands, EHandlerService handlers) {
        this.context = context;
        this.commands = commands;
        this.handlers = handlers;
    }

    /** @return a push button labelled {@code label} that executes {@code commandId} */
    public Button button(Composite parent, String label, String commandId) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.addListener(SWT.Selection, e -> execute(commandId, Map.of()));
        buttons.put(b, commandId);
        return b;
    }

    /** Keeps {@code value} (or nothing, for {@code null}) as the part's {@code variable}, and updates the buttons. */
    public void select(String variable, Object value) {
        context.set(variable, value);
        update();
    }

    /** Enables each button when its command's handler can execute now. */
    public void update() {
        buttons.forEach((b, id) -> {
            if (!b.isDisposed()) {
                b.setEnabled(canExecute(id));
            }
        });
    }

    /** @return whether the handler of {@code commandId} can execute with the part's selection */
    public boolean canExecute(String commandId) {
        ParameterizedCommand c = commands.createCommand(commandId, Map.of());
        return c != null && handlers.canExecute(c);
    }

    /**
     * Executes {@code commandId} in the part's context, when its handler can execute.
     *
     * @return what the handler returned (a scheduled job, or {@code null} when nothing was done)
     */
    public Object execute(String commandId, Map<String, ?> parameters) {
        ParameterizedCommand c = commands.createCommand(commandId, parameters);
        return c == null ? null : handlers.executeHandler(c);
    }
}
