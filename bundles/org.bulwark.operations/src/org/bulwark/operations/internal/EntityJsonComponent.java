package org.bulwark.operations.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.bulwark.operations.api.ActivityDraft;
import org.bulwark.operations.api.EntityJson;
import org.bulwark.operations.api.ExposureReport;
import org.bulwark.operations.api.FeedAge;
import org.bulwark.operations.api.ExceptionDraft;
import org.bulwark.operations.api.OperationException;
import org.bulwark.operations.api.RecommendationRow;
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
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The {@link EntityJson} service: {@link EntityMaps} writes, {@link StrictReaders} reads. */
@Component(service = EntityJson.class)
public final class EntityJsonComponent implements EntityJson {

    private final StrictReaders readers = new StrictReaders();
    private final ObjectMapper compact = new ObjectMapper();
    private final ObjectMapper indented = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Map<String, Object> exception(StoredException exception, Instant now) {
        return EntityMaps.exception(exception, now);
    }

    @Override
    public Map<String, Object> remediation(Remediation activity) {
        return EntityMaps.remediation(activity);
    }

    @Override
    public Map<String, Object> device(Device device) {
        return EntityMaps.device(device);
    }

    @Override
    public Map<String, Object> device(Device device, String osFamily, String osVersion) {
        return EntityMaps.device(device, OsPlatform.of(osFamily, osVersion));
    }

    @Override
    public String osPlatform(String osFamily, String osVersion) {
        return OsPlatform.of(osFamily, osVersion);
    }

    @Override
    public List<String> osPlatforms() {
        return OsPlatform.VALUES;
    }

    @Override
    public Map<String, Object> summary(AssessmentSummary summary) {
        return EntityMaps.summary(summary);
    }

    @Override
    public Map<String, Object> inventory(StoredInventory inventory) {
        return EntityMaps.inventory(inventory);
    }

    @Override
    public Map<String, Object> software(SoftwareSummary software) {
        return EntityMaps.software(software);
    }

    @Override
    public Map<String, Object> feed(FeedAge feed) {
        return ExposureMaps.feed(feed);
    }

    @Override
    public Map<String, Object> exposure(ExposureReport exposure) {
        return ExposureMaps.exposure(exposure);
    }

    @Override
    public Map<String, Object> diff(AssessmentDiff diff) {
        return EntityMaps.diff(diff);
    }

    @Override
    public Map<String, Object> recommendation(RecommendationRow row) {
        return EntityMaps.recommendation(row);
    }

    @Override
    public Map<String, Object> fleet(FleetScore score, Map<String, ControlRef> controls,
            Collection<DeviceResults> devices) {
        return EntityMaps.fleet(score, controls, devices);
    }

    @Override
    public String write(Object tree, boolean indent) {
        try {
            return (indent ? indented : compact).writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON tree of maps, lists, strings, numbers, booleans and "
                    + "null: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public ExceptionDraft readExceptionDraft(String origin, byte[] json) throws OperationException {
        return readers.exceptionDraft(origin, json);
    }

    @Override
    public StoredException.Update readExceptionUpdate(String origin, byte[] json) throws OperationException {
        return readers.exceptionUpdate(origin, json);
    }

    @Override
    public ActivityDraft readActivityRequest(String origin, byte[] json) throws OperationException {
        return readers.activityRequest(origin, json);
    }

    @Override
    public Remediation.Update readActivityUpdate(String origin, byte[] json) throws OperationException {
        return readers.activityUpdate(origin, json);
    }

    @Override
    public List<ControlException> readExceptionsFile(String origin, byte[] json) throws OperationException {
        return readers.exceptionsFile(origin, json);
    }
}
