package org.bulwark.scap.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-written SCAP content holding every construct the reader knows, once or twice. */
final class Fixtures {

    static final String OVAL_NS = "http://oval.mitre.org/XMLSchema/oval-definitions-5";

    private Fixtures() {
    }

    static Path write(Path dir, String name, String xml) throws IOException {
        return Files.writeString(dir.resolve(name), xml);
    }

    /** @return the 1-based line of the first occurrence of the needle */
    static int line(String xml, String needle) {
        int at = index(xml, needle);
        return (int) xml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** @return the 1-based column just after the start tag the needle is in (where StAX reports it) */
    static int column(String xml, String needle) {
        int at = index(xml, needle);
        int end = xml.indexOf('>', at);
        int lineStart = xml.lastIndexOf('\n', end) + 1;
        return end - lineStart + 2;
    }

    private static int index(String xml, String needle) {
        int at = xml.indexOf(needle);
        if (at < 0) {
            throw new IllegalArgumentException("not in the fixture: " + needle);
        }
        return at;
    }

    static final String OVAL_BODY = """
              <o:generator>
                <oc:product_name>hand</oc:product_name>
                <oc:schema_version>5.11</oc:schema_version>
                <oc:timestamp>2026-01-01T00:00:00</oc:timestamp>
              </o:generator>
              <o:definitions>
                <o:definition class="compliance" id="oval:t:def:1" version="1">
                  <o:metadata><o:title>Timeout</o:title></o:metadata>
                  <o:criteria operator="AND">
                    <o:criterion test_ref="oval:t:tst:1" negate="false"/>
                    <o:extend_definition definition_ref="oval:t:def:2"/>
                  </o:criteria>
                </o:definition>
                <o:definition class="inventory" id="oval:t:def:2" version="1">
                  <o:metadata><o:title>Installed</o:title></o:metadata>
                  <o:criteria><o:criterion test_ref="oval:t:tst:1"/></o:criteria>
                </o:definition>
              </o:definitions>
              <o:tests>
                <ind:textfilecontent54_test id="oval:t:tst:1" check="all" check_existence="all_exist" version="1">
                  <ind:object object_ref="oval:t:obj:1"/>
                  <ind:state state_ref="oval:t:ste:1"/>
                </ind:textfilecontent54_test>
              </o:tests>
              <o:objects>
                <ind:textfilecontent54_object id="oval:t:obj:1" version="1">
                  <ind:filepath>/etc/ssh/sshd_config</ind:filepath>
                  <ind:pattern operation="pattern match">^ClientAliveInterval\\s+(\\d+)$</ind:pattern>
                  <ind:instance datatype="int">1</ind:instance>
                </ind:textfilecontent54_object>
                <ind:textfilecontent54_object id="oval:t:obj:2" version="1">
                  <o:set>
                    <o:object_reference>oval:t:obj:1</o:object_reference>
                    <o:filter action="include">oval:t:ste:1</o:filter>
                  </o:set>
                </ind:textfilecontent54_object>
              </o:objects>
              <o:states>
                <ind:textfilecontent54_state id="oval:t:ste:1" version="1">
                  <ind:subexpression datatype="int" operation="less than or equal" var_ref="oval:t:var:1"/>
                </ind:textfilecontent54_state>
              </o:states>
              <o:variables>
                <o:external_variable id="oval:t:var:1" datatype="int" version="1" comment="timeout"/>
                <o:local_variable id="oval:t:var:2" datatype="string" version="1" comment="c">
                  <o:concat>
                    <o:literal_component>a</o:literal_component>
                    <o:variable_component var_ref="oval:t:var:1"/>
                  </o:concat>
                </o:local_variable>
              </o:variables>
            """;

    static final String BENCHMARK = """
              <x:Benchmark id="xccdf_t_benchmark_T" resolved="1" xml:lang="en">
                <x:status>draft</x:status>
                <x:title>Test <h:em>benchmark</h:em></x:title>
                <cl:platform-specification>
                  <cl:platform id="sshd">
                    <cl:logical-test operator="AND" negate="false"><cl:fact-ref name="cpe:/a:sshd"/></cl:logical-test>
                  </cl:platform>
                </cl:platform-specification>
                <x:platform idref="cpe:/o:debian:debian_linux:12"/>
                <x:version>1.2.3</x:version>
                <x:Profile id="xccdf_t_profile_base">
                  <x:title>Base</x:title>
                  <x:description>The base
                    profile.</x:description>
                  <x:select idref="xccdf_t_group_ssh" selected="true"/>
                  <x:select idref="xccdf_t_rule_a" selected="true"/>
                  <x:select idref="xccdf_t_rule_b" selected="true"/>
                  <x:refine-value idref="xccdf_t_value_timeout" selector="5_minutes"/>
                </x:Profile>
                <x:Profile id="xccdf_t_profile_strict" extends="xccdf_t_profile_base">
                  <x:title>Strict</x:title>
                  <x:select idref="xccdf_t_rule_b" selected="false"/>
                  <x:select idref="xccdf_t_rule_c" selected="true"/>
                  <x:set-value idref="xccdf_t_value_banner">Authorized use only</x:set-value>
                  <x:refine-rule idref="xccdf_t_rule_a" severity="high" weight="5.5" role="full" selector="strict"/>
                </x:Profile>
                <x:Value id="xccdf_t_value_banner">
                  <x:title>Banner</x:title>
                  <x:value>  Welcome  </x:value>
                </x:Value>
                <x:Group id="xccdf_t_group_ssh" selected="false">
                  <x:title>SSH</x:title>
                  <x:platform idref="#sshd"/>
                  <x:Value id="xccdf_t_value_timeout" type="number" operator="less than or equal">
                    <x:title>Timeout</x:title>
                    <x:value selector="5_minutes">300</x:value>
                    <x:value selector="10_minutes">600</x:value>
                    <x:value>900</x:value>
                  </x:Value>
                  <x:Group id="xccdf_t_group_sshd">
                    <x:title>Server</x:title>
                    <x:Rule id="xccdf_t_rule_a" selected="false" severity="medium" weight="2.5">
                      <x:title>Rule A</x:title>
                      <x:description>Set it.</x:description>
                      <x:reference href="https://www.cisecurity.org/benchmark/debian_linux/">5.2.16</x:reference>
                      <x:reference>no href</x:reference>
                      <x:ident system="https://ncp.nist.gov/cce">CCE-80100-0</x:ident>
                      <x:rationale>Idle <h:b>sessions</h:b>
                        are risky.</x:rationale>
                      <x:platform idref="cpe:/o:debian:debian_linux:12"/>
                      <x:fixtext>Set <h:code>ClientAliveInterval</h:code>.</x:fixtext>
                      <x:fix system="urn:xccdf:fix:script:sh" id="fix_a">echo "ClientAliveInterval <x:sub idref="xccdf_t_value_timeout" use="legacy"/>" &gt;&gt; /etc/ssh/sshd_config
            </x:fix>
                      <x:check system="http://oval.mitre.org/XMLSchema/oval-definitions-5" selector="strict">
                        <x:check-export value-id="xccdf_t_value_timeout" export-name="oval:t:var:1"/>
                        <x:check-content-ref href="oval.xml" name="oval:t:def:1"/>
                      </x:check>
                      <x:check system="http://scap.nist.gov/schema/ocil/2">
                        <x:check-content-ref href="ocil.xml" name="ocil:t:questionnaire:1"/>
                      </x:check>
                    </x:Rule>
                  </x:Group>
                </x:Group>
                <x:Rule id="xccdf_t_rule_b" severity="low">
                  <x:title>Rule B</x:title>
                  <x:check system="http://oval.mitre.org/XMLSchema/oval-definitions-5" multi-check="true">
                    <x:check-content-ref href="oval.xml"/>
                  </x:check>
                </x:Rule>
                <x:Rule id="xccdf_t_rule_c" selected="false">
                  <x:title>Rule C</x:title>
                  <x:complex-check operator="OR" negate="true">
                    <x:check system="http://oval.mitre.org/XMLSchema/oval-definitions-5">
                      <x:check-content-ref href="oval.xml" name="oval:t:def:1"/>
                    </x:check>
                    <x:complex-check operator="AND">
                      <x:check system="http://oval.mitre.org/XMLSchema/oval-definitions-5">
                        <x:check-content-ref href="oval.xml" name="oval:t:def:2"/>
                      </x:check>
                    </x:complex-check>
                  </x:complex-check>
                </x:Rule>
              </x:Benchmark>
            """;

    static final String NAMESPACES = """
             xmlns:ds="http://scap.nist.gov/schema/scap/source/1.2" xmlns:xlink="http://www.w3.org/1999/xlink" \
            xmlns:cat="urn:oasis:names:tc:entity:xmlns:xml:catalog" xmlns:x="http://checklists.nist.gov/xccdf/1.2" \
            xmlns:o="http://oval.mitre.org/XMLSchema/oval-definitions-5" \
            xmlns:oc="http://oval.mitre.org/XMLSchema/oval-common-5" \
            xmlns:ind="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent" \
            xmlns:cpe="http://cpe.mitre.org/dictionary/2.0" xmlns:cl="http://cpe.mitre.org/language/2.0" \
            xmlns:h="http://www.w3.org/1999/xhtml\"""";

    /** A source data stream: a CPE dictionary, a benchmark, its OVAL and OCIL, and the CPE's OVAL. */
    static final String DATA_STREAM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ds:data-stream-collection%s id="c1" schematron-version="1.3">
              <ds:data-stream id="s1" scap-version="1.3" use-case="OTHER">
                <ds:dictionaries>
                  <ds:component-ref id="r-cpe" xlink:href="#c-cpe">
                    <cat:catalog><cat:uri name="cpe-oval.xml" uri="#r-cpe-oval"/></cat:catalog>
                  </ds:component-ref>
                </ds:dictionaries>
                <ds:checklists>
                  <ds:component-ref id="r-xccdf" xlink:href="#c-xccdf">
                    <cat:catalog>
                      <cat:uri name="oval.xml" uri="#r-oval"/>
                      <cat:uri name="ocil.xml" uri="#r-ocil"/>
                    </cat:catalog>
                  </ds:component-ref>
                </ds:checklists>
                <ds:checks>
                  <ds:component-ref id="r-oval" xlink:href="#c-oval"/>
                  <ds:component-ref id="r-ocil" xlink:href="#c-ocil"/>
                  <ds:component-ref id="r-cpe-oval" xlink:href="#c-cpe-oval"/>
                </ds:checks>
              </ds:data-stream>
              <ds:component id="c-cpe" timestamp="2026-01-01T00:00:00">
                <cpe:cpe-list>
                  <cpe:cpe-item name="cpe:/o:debian:debian_linux:12">
                    <cpe:title xml:lang="en-us">Debian 12</cpe:title>
                    <cpe:check system="http://oval.mitre.org/XMLSchema/oval-definitions-5" href="cpe-oval.xml">oval:c:def:1</cpe:check>
                  </cpe:cpe-item>
                  <cpe:cpe-item name="cpe:/a:sshd"><cpe:title>sshd</cpe:title></cpe:cpe-item>
                </cpe:cpe-list>
              </ds:component>
              <ds:component id="c-xccdf" timestamp="2026-01-01T00:00:00">
            %s  </ds:component>
              <ds:component id="c-oval" timestamp="2026-01-01T00:00:00">
                <o:oval_definitions>
            %s    </o:oval_definitions>
              </ds:component>
              <ds:component id="c-ocil" timestamp="2026-01-01T00:00:00">
                <ocil:ocil xmlns:ocil="http://scap.nist.gov/schema/ocil/2.0"><ocil:questionnaires/></ocil:ocil>
              </ds:component>
              <ds:component id="c-cpe-oval" timestamp="2026-01-01T00:00:00">
                <o:oval_definitions>
                  <o:generator><oc:schema_version>5.11</oc:schema_version></o:generator>
                  <o:definitions>
                    <o:definition class="inventory" id="oval:c:def:1" version="1">
                      <o:criteria><o:criterion test_ref="oval:c:tst:1"/></o:criteria>
                    </o:definition>
                  </o:definitions>
                  <o:tests>
                    <ind:family_test id="oval:c:tst:1" check="all" version="1"><ind:object object_ref="oval:c:obj:1"/></ind:family_test>
                  </o:tests>
                  <o:objects><ind:family_object id="oval:c:obj:1" version="1"/></o:objects>
                </o:oval_definitions>
              </ds:component>
            </ds:data-stream-collection>
            """.formatted(NAMESPACES, BENCHMARK, OVAL_BODY);

    /** The benchmark as a plain XCCDF file (its checks name oval.xml and ocil.xml beside it). */
    static final String PLAIN_XCCDF = "<?xml version=\"1.0\"?>\n"
            + BENCHMARK.replaceFirst("<x:Benchmark ", "<x:Benchmark" + NAMESPACES + " ").stripLeading();

    static final String PLAIN_OVAL = "<?xml version=\"1.0\"?>\n<o:oval_definitions" + NAMESPACES + ">\n" + OVAL_BODY
            + "</o:oval_definitions>\n";

    static final String TAILORING = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:Tailoring xmlns:x="http://checklists.nist.gov/xccdf/1.2" id="xccdf_t_tailoring_1">
              <x:benchmark href="ds.xml"/>
              <x:version time="2026-01-01T00:00:00">7</x:version>
              <x:Profile id="xccdf_t_profile_mine" extends="xccdf_t_profile_strict">
                <x:title>Mine</x:title>
                <x:select idref="xccdf_t_rule_a" selected="false"/>
                <x:refine-value idref="xccdf_t_value_timeout" selector="10_minutes"/>
              </x:Profile>
              <x:Profile id="xccdf_t_profile_mine2" extends="xccdf_t_profile_mine">
                <x:title>Mine too</x:title>
                <x:set-value idref="xccdf_t_value_banner">Go away</x:set-value>
              </x:Profile>
            </x:Tailoring>
            """;
}
