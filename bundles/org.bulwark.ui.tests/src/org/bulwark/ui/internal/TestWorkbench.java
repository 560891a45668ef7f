package org.bulwark.ui.internal;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.bulwark.ui.internal.parts.PartCommands;
import org.eclipse.core.commands.Category;
import org.eclipse.core.commands.IParameter;
import org.eclipse.core.commands.IParameterValues;
import org.eclipse.e4.core.commands.CommandServiceAddon;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.internal.workbench.E4XMIResourceFactory;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MCommandParameter;
import org.eclipse.e4.ui.model.application.commands.MHandler;
import org.eclipse.e4.ui.model.application.impl.ApplicationPackageImpl;
import org.eclipse.e4.ui.model.fragment.MModelFragment;
import org.eclipse.e4.ui.model.fragment.MModelFragments;
import org.eclipse.e4.ui.model.fragment.MStringModelFragment;
import org.eclipse.e4.ui.model.fragment.impl.FragmentPackageImpl;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The workbench's commands and handlers for part tests, installed from org.bulwark.ui's fragment.e4xmi as the
 * workbench's CommandProcessingAddon and HandlerProcessingAddon install them: every command defined with its
 * parameters, every handler created by injection and activated in an application context that holds the session,
 * a {@link UISynchronize} on the display and the shell as the active shell. Each part gets a child context.
 */
public final class TestWorkbench implements AutoCloseable {

    private static final String PREFIX = "bundleclass://org.bulwark.ui/";

    private final IEclipseContext application;

    public TestWorkbench(Session session, Shell shell) throws ClassNotFoundException {
        application = EclipseContextFactory.create("test workbench");
        ContextInjectionFactory.make(CommandServiceAddon.class, application);
        application.set(Session.class, session);
        application.set(UISynchronize.class, new DisplaySync(shell.getDisplay()));
        application.set(IServiceConstants.ACTIVE_SHELL, shell);
        ECommandService commands = application.get(ECommandService.class);
        EHandlerService handlers = application.get(EHandlerService.class);
        Category category = commands.defineCategory("org.bulwark.ui.tests.category", "Bulwark", null);
        Bundle ui = FrameworkUtil.getBundle(Session.class);
        for (MCommand c : elements(MCommand.class)) {
            List<IParameter> parameters = new ArrayList<>();
            for (MCommandParameter p : c.getParameters()) {
                parameters.add(parameter(p));
            }
            commands.defineCommand(c.getElementId(), c.getCommandName(), c.getDescription(), category,
                    parameters.toArray(IParameter[]::new));
        }
        for (MHandler h : elements(MHandler.class)) {
            Class<?> type = ui.loadClass(h.getContributionURI().substring(PREFIX.length()));
            handlers.activateHandler(h.getCommand().getElementId(), ContextInjectionFactory.make(type, application));
        }
    }

    /** @return the elements of type {@code type} the fragment contributes, in its order */
    public static <T> List<T> elements(Class<T> type) {
        List<T> all = new ArrayList<>();
        for (MModelFragment f : fragments().getFragments()) {
            for (MApplicationElement e : ((MStringModelFragment) f).getElements()) {
                if (type.isInstance(e)) {
                    all.add(type.cast(e));
                }
            }
        }
        return all;
    }

    /** @return org.bulwark.ui's fragment.e4xmi, loaded as the workbench loads it */
    public static MModelFragments fragments() {
        return (MModelFragments) load(FrameworkUtil.getBundle(Session.class).getEntry("fragment.e4xmi"));
    }

    /** @return the root of the e4xmi model at {@code url} */
    public static Object load(URL url) {
        ApplicationPackageImpl.init();
        FragmentPackageImpl.init();
        ResourceSet rs = new ResourceSetImpl();
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("e4xmi", new E4XMIResourceFactory());
        return rs.getResource(URI.createURI(url.toString()), true).getContents().get(0);
    }

    private static IParameter parameter(MCommandParameter p) {
        return new IParameter() {
            @Override
            public String getId() {
                return p.getElementId();
            }

            @Override
            public String getName() {
                return p.getName();
            }

            @Override
            public IParameterValues getValues() {
                return null;
            }

            @Override
            public boolean isOptional() {
                return p.isOptional();
            }
        };
    }

    /** @return a new part context, a child of the application's (the part's selection goes there) */
    public IEclipseContext part(String id) {
        return application.createChild(id);
    }

    /** @return the commands of a part in {@code context}, created by injection as the workbench creates them */
    public static PartCommands commands(IEclipseContext context) {
        return ContextInjectionFactory.make(PartCommands.class, context);
    }

    @Override
    public void close() {
        application.dispose();
    }

    /** {@link UISynchronize} on a display, as the workbench's. */
    public static class DisplaySync extends UISynchronize {

        private final Display display;

        public DisplaySync(Display display) {
            this.display = display;
        }

        @Override
        public void syncExec(Runnable runnable) {
            display.syncExec(runnable);
        }

        @Override
        public void asyncExec(Runnable runnable) {
            display.asyncExec(runnable);
        }

        @Override
        protected boolean isUIThread(Thread thread) {
            return thread == display.getThread();
        }

        @Override
        protected void showBusyWhile(Runnable runnable) {
            runnable.run();
        }

        @Override
        protected boolean dispatchEvents() {
            return display.readAndDispatch();
        }
    }
}
