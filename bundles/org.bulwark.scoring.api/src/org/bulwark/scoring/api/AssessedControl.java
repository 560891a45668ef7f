package org.bulwark.scoring.api;

import org.bulwark.benchmark.api.Control;

/**
 * A control with its result on the assessed device.
 *
 * @param control   the control, from the content
 * @param benchmark the id of the benchmark it comes from
 * @param result    its result
 */
public record AssessedControl(Control control, String benchmark, ControlResult result) {

    /** @return what scoring needs to know of the control */
    public ControlRef ref() {
        return new ControlRef(control.id(), control.title(), control.category(), control.weight());
    }
}
