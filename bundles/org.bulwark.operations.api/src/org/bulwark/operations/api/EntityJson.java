package org.bulwark.operations.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bulwark.scoring.api.ControlException;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.Device;
import org.bulwark.scoring.api.DeviceResults;
import org.bulwark.scoring.api.FleetScore;
import org.bulwark.store.api.AssessmentDiff;
import org.bulwark.store.api.AssessmentSummary;
import org.bulwark.store.api.Remediation;
import org.bulwark.store.api.SoftwareSummary;
import org.bulwark.store.api.StoredException;
import org.bulwark.store.api.StoredInventory;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One JSON vocabulary for stored entities, shared by {@code bulwark … --format json}, the fleet server and the
 * workbench: the field names and values of the server's OpenAPI document ({@code controlId}, enumerations as their
 * constant names such as {@code THIRD_PARTY_CONTROL}, times in ISO-8601 UTC, {@code null} where there is nothing).
 * Each writer returns a new mutable {@code Map} in field order, of strings, numbers, booleans, {@code null},
 * lists and maps, which the caller may extend and Jackson serializes as it is.
 * <p>
 * The readers are strict: a body or file with an unknown field, a key given twice, anything after the document, a
 * value of the wrong type, an unknown enumeration value (case and {@code -}/{@code _} are ignored: {@code
 * risk-accepted} is {@code RISK_ACCEPTED}), a malformed time or date, or a string over its limit is refused with an
 * {@link OperationException} (INVALID_INPUT; code {@code invalid_json} for what is not JSON) whose message names
 * the origin, when given, and the field. Stateless, thread-safe.
 */
@ProviderType
public interface EntityJson {

    /** The fields of an exception draft (a {@code POST /api/exceptions} body). */
    List<String> EXCEPTION_DRAFT_FIELDS = List.of("id", "controlId", "scope", "target", "justification", "expires",
            "notes");
    /** The fields of an exception update (a {@code PATCH /api/exceptions/{id}} body). */
    List<String> EXCEPTION_UPDATE_FIELDS = List.of("expires", "notes", "justification");
    /** The fields of an activity request (a {@code POST /api/remediations} body). */
    List<String> ACTIVITY_REQUEST_FIELDS = List.of("title", "controlId", "scope", "devices", "group", "priority",
            "due", "notes");
    /** The fields of an activity update (a {@code PATCH /api/remediations/{id}} body). */
    List<String> ACTIVITY_UPDATE_FIELDS = List.of("title", "priority", "due", "notes");
    /**
     * The fields of an exception in an exceptions file ({@code bulwark assess --exceptions}); {@code control} is
     * taken as an alias of {@code controlId} (not both).
     */
    List<String> EXCEPTION_FILE_FIELDS = List.of("id", "controlId", "scope", "target", "justification", "author",
            "created", "expires", "notes");

    /**
     * @return id, controlId, scope, target, justification, author, created, expires, notes, status (at
     *         {@code now}), cancelled, cancelledBy, updated, updatedBy
     */
    Map<String, Object> exception(StoredException exception, Instant now);

    /**
     * @return id, title, controlId, category, scope, devices, group, priority, due, attentionRequired (no due
     *         date), notes, requester, created, status, completion, completed, targetDevices, fixedDevices,
     *         cancelled, cancelledBy, updated, updatedBy
     */
    Map<String, Object> remediation(Remediation activity);

    /** @return id, hostname, os, groups (sorted) */
    Map<String, Object> device(Device device);

    /**
     * @param osFamily  the device's {@code PlatformFacts.osFamily} as stored ({@code DevicePlatform})
     * @param osVersion its {@code PlatformFacts.osVersion}
     * @return id, hostname, os, osPlatform ({@link #osPlatform}), groups (sorted)
     * @since 1.3
     */
    Map<String, Object> device(Device device, String osFamily, String osVersion);

    /**
     * @return the platform's name in Microsoft Defender's machine field {@code osPlatform}: {@code Linux},
     *         {@code Windows10}, {@code Windows11}, {@code WindowsServer2016} … {@code WindowsServer2025},
     *         {@code Windows} (another Windows), {@code macOS}, else {@code Unknown}
     * @since 1.3
     */
    String osPlatform(String osFamily, String osVersion);

    /** @return every value {@link #osPlatform} gives, in a fixed order (for filters) @since 1.3 */
    List<String> osPlatforms();

    /**
     * @return id, device ({@link #device}), started, finished, score ({@code null} when nothing counted),
     *         rawPoints, maxPoints, categories (per category constant: score, rawPoints, maxPoints), coverage
     *         (counted, passed, failed, errors, unknown, notChecked, notApplicable, informational), content,
     *         complete
     */
    Map<String, Object> summary(AssessmentSummary summary);

    /**
     * @return of a device's inventory: deviceId, assessmentId, assessedAt, osId, osVersion, origin, state ({@code READ},
     *         {@code UNAVAILABLE}, {@code UNREADABLE}), reason, items (each: id, name, vendor, version,
     *         architecture, sourceName, sourceVersion, status, origin), problems
     * @since 1.1
     */
    Map<String, Object> inventory(StoredInventory inventory);

    /**
     * @return of a piece of software across devices: id ({@code origin:name}), name, vendor, origin,
     *         installedMachines, versions
     * @since 1.1
     */
    Map<String, Object> software(SoftwareSummary software);

    /**
     * @return of a stored feed: kind, origin, sha256, sourceDate, records, bytes, imported, ageSeconds, stale
     * @since 1.1
     */
    Map<String, Object> feed(FeedAge feed);

    /**
     * @return of an exposure: score ({@code null} when no device was matched), band, stale, feeds ({@link #feed}),
     *         devices (each: id, hostname, release, reason, score, band, findings — each: id, aliases,
     *         sourcePackage, binaries, installedVersion, fixedVersion, recommendedVersion, state, severity,
     *         urgency, risk — undetermined, problems), recommendations (each: id {@code sw-<source>},
     *         recommendationName, sourcePackage, remediationType, recommendedVersion, binaries, weaknesses,
     *         exposedMachinesCount, exposureImpact, configScoreImpact)
     * @since 1.1
     */
    Map<String, Object> exposure(ExposureReport exposure);

    /**
     * @return from and to ({@link #summary}), scoreDelta ({@code null} when either has no score), earnedDelta,
     *         possibleDelta, changes (each: kind, controlId, title, before, after, exceptionId, earnedDelta,
     *         possibleDelta)
     */
    Map<String, Object> diff(AssessmentDiff diff);

    /**
     * @return id (the control's), title, category, weight, impact, exposedMachines, exceptedMachines, status,
     *         remediationType, remediation, description
     */
    Map<String, Object> recommendation(RecommendationRow row);

    /**
     * A fleet score ({@code bulwark score --format json}), its figures unrounded.
     *
     * @param controls the controls by id, for their titles ({@code null} title for one not there)
     * @param devices the scored devices' results, for their {@link #device} and assessment time
     * @return time, score, rawPoints, maxPoints, machines, categories (per category constant: score, rawPoints,
     *         maxPoints), coverage (as in {@link #summary}), devices (each: device, assessedAt, score, rawPoints,
     *         maxPoints, coverage), controls (each: id, title, category, weight, countedDevices, credit, points,
     *         impact, exposedMachines, exceptedMachines), inactive (device ids)
     */
    Map<String, Object> fleet(FleetScore score, Map<String, ControlRef> controls, Collection<DeviceResults> devices);

    /** @return {@code tree} as JSON text, indented for people or compact */
    String write(Object tree, boolean indent);

    /**
     * Reads an exception draft: {@link #EXCEPTION_DRAFT_FIELDS}; controlId, scope and justification required.
     *
     * @param origin names the body or file in messages, or {@code null}
     */
    ExceptionDraft readExceptionDraft(String origin, byte[] json) throws OperationException;

    /**
     * Reads an exception update: {@link #EXCEPTION_UPDATE_FIELDS}; {@code "expires": null} makes it never expire,
     * {@code "notes": null} or {@code ""} removes the notes.
     */
    StoredException.Update readExceptionUpdate(String origin, byte[] json) throws OperationException;

    /**
     * Reads an activity request: {@link #ACTIVITY_REQUEST_FIELDS}; title, controlId and scope required, devices an
     * array of at most {@link RemediationOperations#MAX_DEVICES} strings, due a date ({@code 2026-12-01}).
     */
    ActivityDraft readActivityRequest(String origin, byte[] json) throws OperationException;

    /**
     * Reads an activity update: {@link #ACTIVITY_UPDATE_FIELDS}; {@code "due": null} removes the due date,
     * {@code "notes": null} or {@code ""} removes the notes.
     */
    Remediation.Update readActivityUpdate(String origin, byte[] json) throws OperationException;

    /**
     * Reads an exceptions file: a JSON array of exceptions with {@link #EXCEPTION_FILE_FIELDS} (id, controlId,
     * scope, justification, author and created required; a target for device and group scope; an expiry after
     * the creation; ids unique in the file). Fields are named {@code [i].field} in messages.
     */
    List<ControlException> readExceptionsFile(String origin, byte[] json) throws OperationException;
}
