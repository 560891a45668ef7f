package org.bulwark.scoring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bulwark.scoring.api.XccdfItem;
import org.bulwark.scoring.api.XccdfItem.Group;
import org.bulwark.scoring.api.XccdfItem.Rule;
import org.bulwark.scoring.api.XccdfModel;
import org.bulwark.scoring.api.XccdfResult;
import org.bulwark.scoring.api.XccdfScore;
import org.junit.jupiter.api.Test;

/** The XCCDF worked example of docs/scoring.md. */
class XccdfScoreTest {

    private static final XccdfItem BENCHMARK = new Group("benchmark", 1, List.of(
            new Group("G1", 1, List.of(
                    new Rule("R1", 1, XccdfResult.PASS, false),
                    new Rule("R2", 1, XccdfResult.FAIL, false),
                    new Rule("R3", 1, XccdfResult.NOTAPPLICABLE, false))),
            new Group("G2", 1, List.of(new Rule("R4", 1, XccdfResult.PASS, false))),
            new Rule("R5", 2, XccdfResult.ERROR, false)));

    private final DefaultScoringService scoring = new DefaultScoringService();

    @Test
    void defaultModel() {
        XccdfScore s = scoring.xccdf(BENCHMARK, XccdfModel.DEFAULT);
        assertEquals(37.5, s.score(), 1e-9);
        assertEquals(100.0, s.maximum(), 1e-9);
    }

    @Test
    void flatModels() {
        assertEquals(new XccdfScore(XccdfModel.FLAT, 2, 5), scoring.xccdf(BENCHMARK, XccdfModel.FLAT));
        assertEquals(new XccdfScore(XccdfModel.FLAT_UNWEIGHTED, 2, 4),
                scoring.xccdf(BENCHMARK, XccdfModel.FLAT_UNWEIGHTED));
        assertEquals(new XccdfScore(XccdfModel.ABSOLUTE, 0, 5), scoring.xccdf(BENCHMARK, XccdfModel.ABSOLUTE));
    }

    @Test
    void unscoredAndWeightZeroRules() {
        XccdfItem b = new Group("b", 1, List.of(
                new Rule("a", 1, XccdfResult.PASS, false),
                new Rule("u", 1, XccdfResult.FAIL, true),
                new Rule("z", 0, XccdfResult.FAIL, false),
                new Rule("f", 1, XccdfResult.FIXED, false)));
        assertEquals(new XccdfScore(XccdfModel.FLAT, 2, 2), scoring.xccdf(b, XccdfModel.FLAT));
        assertEquals(new XccdfScore(XccdfModel.ABSOLUTE, 1, 2), scoring.xccdf(b, XccdfModel.ABSOLUTE));
        assertEquals(new XccdfScore(XccdfModel.FLAT_UNWEIGHTED, 2, 3), scoring.xccdf(b, XccdfModel.FLAT_UNWEIGHTED));
        // default: (1·100 + 0·0 + 1·100) / (1 + 0 + 1) = 100
        assertEquals(100.0, scoring.xccdf(b, XccdfModel.DEFAULT).score(), 1e-9);
    }

    @Test
    void groupWhoseWeightsAddUpToZeroIsNotNormalised() {
        XccdfItem b = new Group("b", 1, List.of(
                new Group("g", 1, List.of(new Rule("r", 0, XccdfResult.PASS, false))),
                new Rule("s", 1, XccdfResult.PASS, false)));
        // g: weighted sum 0·100 = 0, not normalised; benchmark: (1·0 + 1·100) / 2 = 50
        assertEquals(50.0, scoring.xccdf(b, XccdfModel.DEFAULT).score(), 1e-9);
    }
}
