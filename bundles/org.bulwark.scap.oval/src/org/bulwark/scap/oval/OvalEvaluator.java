package org.bulwark.scap.oval;

import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalDefinitions;
import org.osgi.annotation.versioning.ProviderType;

/** Evaluates OVAL 5.11 definitions against a Linux target. Implemented by Bulwark; thread-safe and stateless. */
@ProviderType
public interface OvalEvaluator {

    /**
     * Starts a run: nothing is read until a definition is evaluated.
     *
     * @param definitions the OVAL document
     * @param target the system
     * @param externalVariables the values of the document's {@code external_variable}s by variable id (from
     *        the XCCDF {@code check-export}s); a variable without a value makes what uses it {@code ERROR}
     * @return the run
     */
    OvalRun start(OvalDefinitions definitions, OvalTarget target, Map<String, List<String>> externalVariables);

    /**
     * Evaluates one definition in a run of its own.
     *
     * @see #start(OvalDefinitions, OvalTarget, Map)
     * @see OvalRun#evaluate(String)
     */
    default OvalResult evaluate(OvalDefinitions definitions, String definitionId, OvalTarget target,
            Map<String, List<String>> externalVariables) {
        return start(definitions, target, externalVariables).evaluate(definitionId);
    }
}
