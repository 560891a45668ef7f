package org.bulwark.scoring.internal;

import org.bulwark.scoring.api.XccdfItem;
import org.bulwark.scoring.api.XccdfModel;
import org.bulwark.scoring.api.XccdfResult;
import org.bulwark.scoring.api.XccdfScore;

/** The four XCCDF 1.2 scoring models, as NISTIR 7275r4 and OpenSCAP compute them. */
final class XccdfScorer {

    private XccdfScorer() {
    }

    static XccdfScore score(XccdfItem benchmark, XccdfModel model) {
        return switch (model) {
            case DEFAULT -> {
                Node n = defaultScore(benchmark);
                yield new XccdfScore(model, n.count > 0 ? n.score : 0, 100);
            }
            case FLAT -> {
                double[] f = flat(benchmark, false);
                yield new XccdfScore(model, f[0], f[1]);
            }
            case FLAT_UNWEIGHTED -> {
                double[] f = flat(benchmark, true);
                yield new XccdfScore(model, f[0], f[1]);
            }
            case ABSOLUTE -> {
                double[] f = flat(benchmark, false);
                yield new XccdfScore(model, f[0] == f[1] && f[1] > 0 ? 1 : 0, f[1]);
            }
        };
    }

    /** score and the number of counted rules below. */
    private record Node(double score, int count) {
    }

    private static boolean counts(XccdfItem.Rule r) {
        return !r.unscored() && r.result().counted();
    }

    /** NISTIR 7275r4 table 40: rules score 100 or 0; groups average their counted children by weight. */
    private static Node defaultScore(XccdfItem item) {
        if (item instanceof XccdfItem.Rule r) {
            if (!counts(r)) {
                return new Node(0, 0);
            }
            return new Node(r.result().passed() ? 100 : 0, 1);
        }
        XccdfItem.Group g = (XccdfItem.Group) item;
        double weighted = 0;
        double weights = 0;
        int count = 0;
        for (XccdfItem child : g.children()) {
            Node n = defaultScore(child);
            if (n.count == 0) {
                continue;
            }
            count += n.count;
            weighted += child.weight() * n.score;
            weights += child.weight();
        }
        if (count == 0) {
            return new Node(0, 0);
        }
        // "no normalisation when the weights add up to 0": the score is the (zero) weighted sum
        return new Node(weights == 0 ? weighted : weighted / weights, count);
    }

    /** {score, maximum} for the flat models. */
    private static double[] flat(XccdfItem item, boolean unweighted) {
        double[] acc = new double[2];
        flat(item, unweighted, acc);
        return acc;
    }

    private static void flat(XccdfItem item, boolean unweighted, double[] acc) {
        if (item instanceof XccdfItem.Rule r) {
            if (!counts(r)) {
                return;
            }
            double w = unweighted ? 1 : r.weight();
            if (w == 0) {
                return;
            }
            acc[1] += w;
            if (r.result().passed()) {
                acc[0] += w;
            }
            return;
        }
        for (XccdfItem child : ((XccdfItem.Group) item).children()) {
            flat(child, unweighted, acc);
        }
    }

    static boolean passed(XccdfResult r) {
        return r.passed();
    }
}
