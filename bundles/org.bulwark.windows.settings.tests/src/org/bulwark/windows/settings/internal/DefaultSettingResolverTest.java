package org.bulwark.windows.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.bulwark.collector.api.Observation;
import org.bulwark.collector.api.ObservationState;
import org.bulwark.collector.api.Source;
import org.bulwark.collector.api.SourceKind;
import org.bulwark.windows.settings.LookupException;
import org.bulwark.windows.settings.Origin;
import org.bulwark.windows.settings.RegistryLookup;
import org.bulwark.windows.settings.Setting;
import org.bulwark.windows.settings.SettingResolver;
import org.bulwark.windows.settings.SettingSource;
import org.junit.jupiter.api.Test;

/** Every precedence case of the resolver, with the exact observation. */
class DefaultSettingResolverTest {

    private static final String MDM_PATH = "Microsoft\\PolicyManager\\current\\device\\Defender";
    private static final String GPO_PATH = "Policies\\Microsoft\\Windows Defender\\Real-Time Protection";
    private static final String LOCAL_PATH = "Microsoft\\Windows Defender\\Real-Time Protection";
    private static final String KEY = "windows.policy.defender.realtime-disabled";
    private static final String GUID = "{3A6B9B0C-1D2E-4F50-8A7B-9C0D1E2F3A4B}";
    private static final String SW = "/Windows/System32/config/SOFTWARE \\";

    private static final Source MDM_SOURCE = new Source(SourceKind.POLICY,
            SW + MDM_PATH + " AllowRealtimeMonitoring", 0, "MDM, enrollment " + GUID);
    private static final Source GPO_SOURCE = new Source(SourceKind.POLICY,
            SW + GPO_PATH + " DisableRealtimeMonitoring", 0, "Group Policy");
    private static final Source LOCAL_SOURCE = new Source(SourceKind.FILE,
            SW + LOCAL_PATH + " DisableRealtimeMonitoring", 0, "local setting");

    private final DefaultSettingResolver resolver = new DefaultSettingResolver();

    /** AllowRealtimeMonitoring (MDM, 1 = on) is the inverse of DisableRealtimeMonitoring (GPO, 0 = on). */
    private static Setting setting(boolean eligible, String defaultValue) {
        return new Setting("defender.realtime-disabled", KEY, List.of(
                new SettingSource(Origin.MDM, "SOFTWARE", MDM_PATH, "AllowRealtimeMonitoring",
                        Map.of("1", "0", "0", "1")),
                new SettingSource(Origin.GPO, "SOFTWARE", GPO_PATH, "DisableRealtimeMonitoring", null),
                new SettingSource(Origin.LOCAL, "SOFTWARE", LOCAL_PATH, "DisableRealtimeMonitoring", null)),
                eligible, defaultValue, defaultValue == null ? null : "Microsoft Defender Antivirus");
    }

    private static FakeLookup mdm(FakeLookup l, String allow) {
        return l.set("SOFTWARE", MDM_PATH, "AllowRealtimeMonitoring", allow)
                .set("SOFTWARE", MDM_PATH, "AllowRealtimeMonitoring_WinningProvider", GUID);
    }

    private static FakeLookup gpo(FakeLookup l, String disable) {
        return l.set("SOFTWARE", GPO_PATH, "DisableRealtimeMonitoring", disable);
    }

    private static FakeLookup mdmWins(FakeLookup l, String v) {
        return l.set("SOFTWARE", SettingResolver.CONTROL_POLICY_CONFLICT, "MDMWinsOverGP", v);
    }

    @Test
    void mdmOnlyWinsAndItsValueIsMappedToTheGroupPolicyScale() {
        Observation o = resolver.resolve(setting(true, "0"), mdm(new FakeLookup(), "1"));
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0"), MDM_SOURCE, null, List.of()), o);
    }

    @Test
    void gpoOnlyWinsAndNamesItsPolicyFile() {
        FakeLookup l = gpo(new FakeLookup(), "1").pol("SOFTWARE", GPO_PATH, "DisableRealtimeMonitoring",
                "/Windows/System32/GroupPolicy/Machine/Registry.pol");
        Observation o = resolver.resolve(setting(true, "0"), l);
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("1"),
                GPO_SOURCE.withDetail("Group Policy, set by /Windows/System32/GroupPolicy/Machine/Registry.pol"),
                null, List.of()), o);
    }

    @Test
    void bothEqualGivesTheValueFromGroupPolicyWithMdmListed() {
        Observation o = resolver.resolve(setting(true, null), gpo(mdm(new FakeLookup(), "1"), "0"));
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0"), GPO_SOURCE, null,
                List.of(new Observation.Other("0", MDM_SOURCE, "MDM sets the same value"))), o);
    }

    @Test
    void bothDifferentWithMdmWinsOverGpOneAndEligibleMdmWins() {
        FakeLookup l = mdmWins(gpo(mdm(new FakeLookup(), "1"), "1"), "1")
                .set("SOFTWARE", LOCAL_PATH, "DisableRealtimeMonitoring", "1");
        Observation o = resolver.resolve(setting(true, null), l);
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0"), MDM_SOURCE, null, List.of(
                new Observation.Other("1", GPO_SOURCE, "overridden by MDM (MDMWinsOverGP=1)"),
                new Observation.Other("1", LOCAL_SOURCE, "overridden by MDM"))), o);
    }

    @Test
    void bothDifferentWithMdmWinsOverGpZeroIsAConflictCarryingBothValues() {
        Observation o = resolver.resolve(setting(true, null), mdmWins(gpo(mdm(new FakeLookup(), "1"), "1"), "0"));
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0", "1"), MDM_SOURCE,
                "conflict: MDM sets 0, Group Policy sets 1; which one applies is indeterminate (MDMWinsOverGP is "
                        + "not 1, and a component that reads PolicyManager directly decides itself); compliant "
                        + "only if both values comply",
                List.of(new Observation.Other("1", GPO_SOURCE, "conflicts with MDM"))), o);
    }

    @Test
    void notEligibleIsAConflictEvenWithMdmWinsOverGpOne() {
        Observation o = resolver.resolve(setting(false, null), mdmWins(gpo(mdm(new FakeLookup(), "1"), "1"), "1"));
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0", "1"), MDM_SOURCE,
                "conflict: MDM sets 0, Group Policy sets 1; which one applies is indeterminate (MDMWinsOverGP does "
                        + "not apply to this policy, and Windows gives no guarantee which one wins); compliant "
                        + "only if both values comply",
                List.of(new Observation.Other("1", GPO_SOURCE, "conflicts with MDM"))), o);
    }

    @Test
    void localValueWhenNoPolicySetsIt() {
        FakeLookup l = new FakeLookup().set("SOFTWARE", LOCAL_PATH, "DisableRealtimeMonitoring", "1");
        Observation o = resolver.resolve(setting(true, "0"), l);
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("1"), LOCAL_SOURCE, null, List.of()), o);
    }

    @Test
    void gpoOverridesLocal() {
        FakeLookup l = gpo(new FakeLookup(), "0").set("SOFTWARE", LOCAL_PATH, "DisableRealtimeMonitoring", "1");
        Observation o = resolver.resolve(setting(true, "0"), l);
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0"), GPO_SOURCE, null,
                List.of(new Observation.Other("1", LOCAL_SOURCE, "overridden by Group Policy"))), o);
    }

    @Test
    void nothingGivesTheDocumentedDefault() {
        Observation o = resolver.resolve(setting(true, "0"), new FakeLookup());
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0"),
                Source.builtInDefault("Microsoft Defender Antivirus"), null, List.of()), o);
    }

    @Test
    void nothingAndNoDefaultIsAbsentAtTheFirstPlaceTried() {
        Observation o = resolver.resolve(setting(true, null), new FakeLookup());
        assertEquals(Observation.absent(KEY, new Source(SourceKind.POLICY, SW + MDM_PATH + " AllowRealtimeMonitoring",
                0, null), "not set by MDM, Group Policy or locally, and no documented default"), o);
    }

    @Test
    void dirtyHiveIsSaidInTheSourceAndTheReason() {
        Observation o = resolver.resolve(setting(true, "0"), gpo(new FakeLookup(), "0").dirty("SOFTWARE"));
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0"),
                GPO_SOURCE.withDetail("Group Policy; possibly stale (unapplied .LOG1/.LOG2)"),
                "SOFTWARE hive possibly stale (unapplied .LOG1/.LOG2)", List.of()), o);
    }

    @Test
    void anMdmValueWithoutMappingIsUnparseable() {
        Observation o = resolver.resolve(setting(true, "0"), mdm(new FakeLookup(), "7"));
        assertEquals(Observation.unparseable(KEY, MDM_SOURCE, "value 7 at HKLM\\SOFTWARE\\" + MDM_PATH
                + "\\AllowRealtimeMonitoring is not one this setting knows (expected one of 0, 1)"), o);
    }

    @Test
    void anUnreadableHiveIsUnreadableNeverTheDefault() {
        FakeLookup l = new FakeLookup().broken("SOFTWARE", "/Windows/System32/config/SOFTWARE: no such file");
        Observation o = resolver.resolve(setting(true, "0"), l);
        assertEquals(Observation.unreadable(KEY, new Source(SourceKind.POLICY, SW + MDM_PATH
                + " AllowRealtimeMonitoring", 0, null), "/Windows/System32/config/SOFTWARE: no such file"), o);
    }

    @Test
    void anUnreadableMdmWinsOverGpIsUnreadableToo() {
        FakeLookup both = gpo(mdm(new FakeLookup(), "1"), "1");
        RegistryLookup l = new RegistryLookup() {
            @Override
            public java.util.Optional<String> read(String hive, String path, String value) throws LookupException {
                if (value.equals("MDMWinsOverGP")) {
                    throw new LookupException("/Windows/System32/config/SOFTWARE: offset 0x2040: bad cell");
                }
                return both.read(hive, path, value);
            }

            @Override
            public String where(String hive, String path) {
                return both.where(hive, path);
            }

            @Override
            public boolean stale(String hive) {
                return false;
            }

            @Override
            public java.util.Optional<String> policyFile(String hive, String path, String value) {
                return java.util.Optional.empty();
            }
        };
        assertEquals(ObservationState.UNREADABLE, resolver.resolve(setting(true, null), l).state());
        assertEquals("/Windows/System32/config/SOFTWARE: offset 0x2040: bad cell",
                resolver.resolve(setting(true, null), l).reason());
    }

    @Test
    void aLocalValueSetByASecurityTemplateNamesIt() {
        FakeLookup l = new FakeLookup().set("SOFTWARE", LOCAL_PATH, "DisableRealtimeMonitoring", "0")
                .pol("SOFTWARE", LOCAL_PATH, "DisableRealtimeMonitoring", "/Windows/security/templates/policies/gpt00000.inf");
        Observation o = resolver.resolve(setting(true, "0"), l);
        assertEquals(new Observation(KEY, ObservationState.PRESENT, List.of("0"), LOCAL_SOURCE.withDetail(
                "local setting, set by Group Policy in /Windows/security/templates/policies/gpt00000.inf"), null,
                List.of()), o);
    }

    @Test
    void anItemOfAListValueHasTheListsWinningProvider() {
        String asr = "AttackSurfaceReductionRules#d4f940ab-401b-4efc-aadc-ad5f3c50688a";
        Setting s = new Setting("defender.asr.office-child", "windows.defender.asr.office-child", List.of(
                new SettingSource(Origin.MDM, "SOFTWARE", "Microsoft\\PolicyManager\\current\\device\\Defender", asr, null)),
                false, null, null);
        FakeLookup l = new FakeLookup().set("SOFTWARE", "Microsoft\\PolicyManager\\current\\device\\Defender", asr, "1")
                .set("SOFTWARE", "Microsoft\\PolicyManager\\current\\device\\Defender",
                        "AttackSurfaceReductionRules_WinningProvider", GUID);
        assertEquals(Observation.of("windows.defender.asr.office-child", "1", new Source(SourceKind.POLICY,
                SW + "Microsoft\\PolicyManager\\current\\device\\Defender " + asr, 0, "MDM, enrollment " + GUID)),
                resolver.resolve(s, l));
    }
}
