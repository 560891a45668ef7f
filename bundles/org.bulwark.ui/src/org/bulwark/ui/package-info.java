/**
 * The workbench's public ids and event topics, for plug-ins that contribute parts of their own through a model
 * fragment and want to follow the workbench's data.
 */
@Version("1.2.0")
package org.bulwark.ui;

import org.osgi.annotation.versioning.Version;
