package org.bulwark.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bulwark.ui.WorkbenchIds;
import org.eclipse.e4.ui.internal.workbench.E4XMIResourceFactory;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.application.impl.ApplicationPackageImpl;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.fragment.MModelFragment;
import org.eclipse.e4.ui.model.fragment.MModelFragments;
import org.eclipse.e4.ui.model.fragment.MStringModelFragment;
import org.eclipse.e4.ui.model.fragment.impl.FragmentPackageImpl;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Opens the workbench model as the workbench does: Application.e4xmi and this bundle's fragment, every fragment
 * lands on an element of the application, and every part's class loads.
 */
class WorkbenchModelTest {

    private static EObject load(ResourceSet rs, URL url) throws Exception {
        Resource r = rs.getResource(URI.createURI(url.toString()), true);
        return r.getContents().get(0);
    }

    @Test
    void theFragmentContributesTheFourPartsToTheApplicationModel() throws Exception {
        ApplicationPackageImpl.init();
        FragmentPackageImpl.init();
        ResourceSet rs = new ResourceSetImpl();
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("e4xmi", new E4XMIResourceFactory());
        Bundle ui = FrameworkUtil.getBundle(Session.class);
        Bundle app = null;
        for (Bundle b : ui.getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.bulwark.ui.app")) {
                app = b;
            }
        }
        assertNotNull(app, "org.bulwark.ui.app is in the runtime");
        assertEquals("fragment.e4xmi;apply=always", ui.getHeaders().get("Model-Fragment"));
        MApplication application = (MApplication) load(rs, app.getEntry("Application.e4xmi"));
        assertEquals(WorkbenchIds.APPLICATION, application.getElementId());
        Map<String, MApplicationElement> byId = new HashMap<>();
        for (TreeIterator<EObject> it = ((EObject) application).eAllContents(); it.hasNext();) {
            if (it.next() instanceof MApplicationElement e && e.getElementId() != null) {
                byId.put(e.getElementId(), e);
            }
        }
        byId.put(application.getElementId(), application);
        for (String id : List.of(WorkbenchIds.WINDOW, WorkbenchIds.STACK_LEFT, WorkbenchIds.STACK_RIGHT)) {
            assertTrue(byId.containsKey(id), id);
        }

        MModelFragments fragments = (MModelFragments) load(rs, ui.getEntry("fragment.e4xmi"));
        List<String> parts = new ArrayList<>();
        for (MModelFragment f : fragments.getFragments()) {
            MStringModelFragment sf = (MStringModelFragment) f;
            assertTrue(byId.containsKey(sf.getParentElementId()), "fragment target " + sf.getParentElementId());
            for (MApplicationElement e : sf.getElements()) {
                if (e instanceof MPart p) {
                    parts.add(p.getElementId());
                    String uri = p.getContributionURI();
                    String prefix = "bundleclass://org.bulwark.ui/";
                    assertTrue(uri.startsWith(prefix), uri);
                    assertNotNull(ui.loadClass(uri.substring(prefix.length())));
                }
            }
        }
        assertEquals(List.of(WorkbenchIds.PART_DASHBOARD, WorkbenchIds.PART_ACTIVITIES,
                WorkbenchIds.PART_RECOMMENDATIONS, WorkbenchIds.PART_DETAILS), parts);
    }
}
