/**
 * The fleet server: an HTTP API over an {@code AssessmentStore} that agents upload assessments to and people
 * query, with role-based tokens scoped to device groups. Implemented by Bulwark ({@code @ProviderType}); the
 * endpoints are described by the OpenAPI document served at {@code /api/openapi.json}.
 */
@Export
@Version("1.1.0")
package org.bulwark.server.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
