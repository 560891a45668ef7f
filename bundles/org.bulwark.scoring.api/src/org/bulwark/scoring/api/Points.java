package org.bulwark.scoring.api;

/**
 * Earned and possible points; the score is {@code 100 · earned / possible}.
 *
 * @param earned   points earned
 * @param possible the maximum; 0 when nothing is counted
 */
public record Points(double earned, double possible) {

    /** @return whether anything is counted; if not, there is no score */
    public boolean hasScore() {
        return possible > 0;
    }

    /** @return the score from 0 to 100, or {@code NaN} when nothing is counted (shown as "—") */
    public double score() {
        return possible > 0 ? 100.0 * earned / possible : Double.NaN;
    }
}
