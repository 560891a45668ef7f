package org.bulwark.scoring.api;

/**
 * A score under one XCCDF model.
 *
 * @param model   the model
 * @param score   the score
 * @param maximum the maximum (100 for default, Σ w for flat, the flat maximum for absolute)
 */
public record XccdfScore(XccdfModel model, double score, double maximum) {
}
