package org.bulwark.cli.internal;

/**
 * What {@code bulwark score --format json} prints for the worked example's three reports (times as {@code <time>}),
 * checked by hand against docs/scoring.md: no exceptions, so c4 earns nothing (d1 ERROR, d2 and d3 FAIL).
 */
final class ScoreJsonExpected {

    static final String WORKED_EXAMPLE = """
            {
              "time" : "<time>",
              "score" : 53.086419753086425,
              "rawPoints" : 14.333333333333334,
              "maxPoints" : 27.0,
              "machines" : 3,
              "categories" : {
                "APPLICATION" : {
                  "score" : 66.66666666666666,
                  "rawPoints" : 2.6666666666666665,
                  "maxPoints" : 4.0
                },
                "OPERATING_SYSTEM" : {
                  "score" : 66.66666666666667,
                  "rawPoints" : 6.666666666666667,
                  "maxPoints" : 10.0
                },
                "NETWORK" : {
                  "score" : 100.0,
                  "rawPoints" : 5.0,
                  "maxPoints" : 5.0
                },
                "ACCOUNTS" : {
                  "score" : null,
                  "rawPoints" : 0.0,
                  "maxPoints" : 0.0
                },
                "SECURITY_CONTROLS" : {
                  "score" : 0.0,
                  "rawPoints" : 0.0,
                  "maxPoints" : 8.0
                }
              },
              "coverage" : {
                "counted" : 11,
                "passed" : 6,
                "failed" : 4,
                "errors" : 1,
                "unknown" : 0,
                "notChecked" : 0,
                "notApplicable" : 4,
                "informational" : 0
              },
              "devices" : [ {
                "device" : {
                  "id" : "d1",
                  "hostname" : "d1",
                  "os" : "unknown",
                  "groups" : [ ]
                },
                "assessedAt" : "<time>",
                "score" : 55.55555555555556,
                "rawPoints" : 15.0,
                "maxPoints" : 27.0,
                "coverage" : {
                  "counted" : 4,
                  "passed" : 2,
                  "failed" : 1,
                  "errors" : 1,
                  "unknown" : 0,
                  "notChecked" : 0,
                  "notApplicable" : 1,
                  "informational" : 0
                }
              }, {
                "device" : {
                  "id" : "d2",
                  "hostname" : "d2",
                  "os" : "unknown",
                  "groups" : [ ]
                },
                "assessedAt" : "<time>",
                "score" : 33.333333333333336,
                "rawPoints" : 9.0,
                "maxPoints" : 27.0,
                "coverage" : {
                  "counted" : 4,
                  "passed" : 2,
                  "failed" : 2,
                  "errors" : 0,
                  "unknown" : 0,
                  "notChecked" : 0,
                  "notApplicable" : 1,
                  "informational" : 0
                }
              }, {
                "device" : {
                  "id" : "d3",
                  "hostname" : "d3",
                  "os" : "unknown",
                  "groups" : [ ]
                },
                "assessedAt" : "<time>",
                "score" : 63.63636363636363,
                "rawPoints" : 14.0,
                "maxPoints" : 22.0,
                "coverage" : {
                  "counted" : 3,
                  "passed" : 2,
                  "failed" : 1,
                  "errors" : 0,
                  "unknown" : 0,
                  "notChecked" : 0,
                  "notApplicable" : 2,
                  "informational" : 0
                }
              } ],
              "controls" : [ {
                "id" : "c4",
                "title" : "Control c4",
                "category" : "SECURITY_CONTROLS",
                "weight" : 8,
                "countedDevices" : 3,
                "credit" : 0.0,
                "points" : 0.0,
                "impact" : 29.62962962962963,
                "exposedMachines" : 3,
                "exceptedMachines" : 0
              }, {
                "id" : "c1",
                "title" : "Control c1",
                "category" : "OPERATING_SYSTEM",
                "weight" : 10,
                "countedDevices" : 3,
                "credit" : 2.0,
                "points" : 6.666666666666667,
                "impact" : 12.345679012345679,
                "exposedMachines" : 1,
                "exceptedMachines" : 0
              }, {
                "id" : "c5",
                "title" : "Control c5",
                "category" : "APPLICATION",
                "weight" : 4,
                "countedDevices" : 3,
                "credit" : 2.0,
                "points" : 2.6666666666666665,
                "impact" : 4.938271604938272,
                "exposedMachines" : 1,
                "exceptedMachines" : 0
              }, {
                "id" : "c2",
                "title" : "Control c2",
                "category" : "NETWORK",
                "weight" : 5,
                "countedDevices" : 2,
                "credit" : 2.0,
                "points" : 5.0,
                "impact" : 0.0,
                "exposedMachines" : 0,
                "exceptedMachines" : 0
              } ],
              "inactive" : [ ]
            }""";

    private ScoreJsonExpected() {
    }
}
