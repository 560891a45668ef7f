/**
 * The workbench's public ids and event topics, for plug-ins that contribute parts of their own through a model
 * fragment and want to follow the workbench's data.
 *
 * <p>1.3.0: the changes and weaknesses parts ({@code WorkbenchIds.PART_CHANGES}, {@code PART_WEAKNESSES}) and their
 * topics ({@code WorkbenchTopics.CHANGES}, {@code EXPOSURE}).
 */
@Version("1.3.0")
package org.bulwark.ui;

import org.osgi.annotation.versioning.Version;
