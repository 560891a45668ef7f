package org.bulwark.store.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.bulwark.scoring.api.ResultState;
import org.bulwark.store.api.Remediation;

/**
 * The rules of a remediation activity, without a database: what it counts (its target devices, and those fixed:
 * whose latest stored assessment passes its control), when it completes by system confirmation (every target
 * fixed, and at least one target), which changes its status allows (only an active activity is recounted,
 * updated, completed or cancelled: completed and cancelled are final) and which due dates it takes.
 */
final class RemediationRules {

    private RemediationRules() {
    }

    /** What an activity counts. */
    record Progress(int targets, int fixed) {

        /** @return whether this completes the activity by system confirmation: every target passes */
        boolean confirmed() {
            return targets > 0 && fixed == targets;
        }
    }

    /** A change asked of an activity by a person, and the status it leaves. */
    enum Change {
        COMPLETE("completed", Remediation.Status.COMPLETED), UPDATE("updated", Remediation.Status.ACTIVE),
        CANCEL("cancelled", Remediation.Status.CANCELLED);

        private final String participle;
        private final Remediation.Status result;

        Change(String participle, Remediation.Status result) {
            this.participle = participle;
            this.result = result;
        }

        /** @return the status of the activity after this change */
        Remediation.Status result() {
            return result;
        }
    }

    /**
     * @param latestStates for each target device, the state of the activity's control in the device's latest
     *                     stored assessment; {@code null} for a device without one, or whose latest assessment
     *                     does not have the control
     * @return the targets and the fixed devices (those that pass)
     */
    static Progress progress(List<ResultState> latestStates) {
        int fixed = 0;
        for (ResultState s : latestStates) {
            if (s == ResultState.PASS) {
                fixed++;
            }
        }
        return new Progress(latestStates.size(), fixed);
    }

    /**
     * @return why {@code change} is refused for {@code r}, or {@code null} when it is allowed (the activity is
     *         active)
     */
    static String refusal(Remediation r, Change change) {
        return switch (r.status()) {
        case ACTIVE -> null;
        case COMPLETED -> "remediation activity #" + r.id() + " is already completed ("
                + r.completion().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + r.completed() + ")"
                + (change == Change.COMPLETE ? "" : " and cannot be " + change.participle);
        case CANCELLED -> "remediation activity #" + r.id() + " was cancelled at " + r.cancelled() + " by "
                + r.cancelledBy() + " and cannot be " + change.participle;
        };
    }

    /**
     * @return why {@code due} is refused at {@code now}, or {@code null}: a due date may be today (UTC) or later,
     *         or none
     */
    static String dueDateProblem(LocalDate due, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (due == null || !due.isBefore(today)) {
            return null;
        }
        return "the due date " + due + " is in the past (today is " + today + " UTC)";
    }
}
