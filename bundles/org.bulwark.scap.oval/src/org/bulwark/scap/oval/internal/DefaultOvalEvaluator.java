package org.bulwark.scap.oval.internal;

import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.oval.OvalEvaluator;
import org.bulwark.scap.oval.OvalRun;
import org.bulwark.scap.oval.OvalTarget;
import org.osgi.service.component.annotations.Component;

/** The OVAL evaluator: stateless; every run keeps its own caches. Nothing is done at activation. */
@Component(service = OvalEvaluator.class)
public final class DefaultOvalEvaluator implements OvalEvaluator {

    @Override
    public OvalRun start(OvalDefinitions definitions, OvalTarget target, Map<String, List<String>> externalVariables) {
        java.util.Objects.requireNonNull(definitions, "definitions");
        java.util.Objects.requireNonNull(target, "target");
        return new Run(definitions, target, externalVariables == null ? Map.of() : externalVariables);
    }
}
