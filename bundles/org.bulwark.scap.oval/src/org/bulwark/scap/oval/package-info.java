/**
 * Evaluation of OVAL 5.11 definitions (as {@link org.bulwark.scap.ScapContentReader} reads them) against a Linux
 * target: {@link org.bulwark.scap.oval.OvalEvaluator} evaluates one definition, or several through one
 * {@link org.bulwark.scap.oval.OvalRun} that collects each object once, into an
 * {@link org.bulwark.scap.oval.OvalResult}.
 *
 * <p>Every file is read below the target's root as the target resolves it; facts that exist only on a running
 * system (running kernel, processes, environment) are collected only from a live target and are otherwise
 * {@link org.bulwark.scap.oval.OvalOutcome#UNKNOWN}, never {@code TRUE}. A test type the evaluator does not
 * implement is {@link org.bulwark.scap.oval.OvalOutcome#NOT_EVALUATED}, naming it.
 *
 * <p>This package is versioned semantically. The evaluator is implemented by Bulwark ({@code @ProviderType}); the
 * records are values.
 */
@Export
@Version("1.0.0")
package org.bulwark.scap.oval;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
