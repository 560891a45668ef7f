package org.bulwark.ui.internal.parts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.bulwark.store.api.AssessmentSummary;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The secure score and the exposure score over time: one point per stored assessment (the exposure where it was
 * computed when stored), 0 to 100, drawn with SWT.
 */
final class ScoreChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private final Canvas canvas;
    private List<AssessmentSummary> history = List.of();

    ScoreChart(Composite parent) {
        canvas = new Canvas(parent, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> paint(e.gc));
    }

    Canvas canvas() {
        return canvas;
    }

    void setHistory(List<AssessmentSummary> history) {
        this.history = List.copyOf(history);
        canvas.redraw();
    }

    List<AssessmentSummary> history() {
        return history;
    }

    private void paint(GC gc) {
        Rectangle r = canvas.getClientArea();
        int left = 40;
        int bottom = r.height - 20;
        int top = 10;
        int right = r.width - 10;
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
        for (int v = 0; v <= 100; v += 25) {
            int y = bottom - (bottom - top) * v / 100;
            gc.drawLine(left, y, right, y);
            gc.drawString(Integer.toString(v), 5, y - 7, true);
        }
        List<AssessmentSummary> points = history.stream().filter(h -> h.points().hasScore()).toList();
        if (points.isEmpty()) {
            gc.drawString("No stored assessments yet", left + 10, top + 10, true);
            return;
        }
        int n = points.size();
        line(gc, points, a -> a.score(), SWT.COLOR_DARK_BLUE, left, right, top, bottom);
        boolean exposure = points.stream().anyMatch(a -> a.exposure().isPresent());
        if (exposure) {
            line(gc, points, a -> a.exposure().orElse(Double.NaN), SWT.COLOR_DARK_RED, left, right, top, bottom);
        }
        legend(gc, right, top, exposure ? new String[] { "● ", "secure score    ", "● ", "exposure score (lower is "
                + "better)" } : new String[] { "● ", "secure score" });
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawString(DAY.format(points.get(0).finished()), left, bottom + 3, true);
        AssessmentSummary newest = points.get(n - 1);
        String last = DAY.format(newest.finished()) + String.format(Locale.ROOT, "  %.1f", newest.score())
                + newest.exposure().map(e -> String.format(Locale.ROOT, " · exposure %.1f", e)).orElse("");
        gc.drawString(last, right - gc.textExtent(last).x, bottom + 3, true);
    }

    /** The legend, right-aligned at the top: each dot in its series' colour, the names in grey. */
    private void legend(GC gc, int right, int top, String[] parts) {
        int width = 0;
        for (String p : parts) {
            width += gc.textExtent(p).x;
        }
        int x = right - width;
        int[] colours = { SWT.COLOR_DARK_BLUE, SWT.COLOR_DARK_GRAY, SWT.COLOR_DARK_RED, SWT.COLOR_DARK_GRAY };
        for (int i = 0; i < parts.length; i++) {
            gc.setForeground(canvas.getDisplay().getSystemColor(colours[i]));
            gc.drawString(parts[i], x, top, true);
            x += gc.textExtent(parts[i]).x;
        }
    }

    /** One series over the assessments, 0 to 100; a NaN value is a gap (no point, the line resumes after it). */
    private void line(GC gc, List<AssessmentSummary> points, ToDoubleFunction<AssessmentSummary> value, int colour,
            int left, int right, int top, int bottom) {
        gc.setForeground(canvas.getDisplay().getSystemColor(colour));
        gc.setBackground(canvas.getDisplay().getSystemColor(colour));
        gc.setLineWidth(2);
        int n = points.size();
        int px = -1;
        int py = -1;
        for (int i = 0; i < n; i++) {
            double v = value.applyAsDouble(points.get(i));
            if (Double.isNaN(v)) {
                px = -1;
                continue;
            }
            int x = n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1);
            int y = bottom - (int) Math.round((bottom - top) * v / 100);
            if (px >= 0) {
                gc.drawLine(px, py, x, y);
            }
            gc.fillOval(x - 3, y - 3, 7, 7);
            px = x;
            py = y;
        }
        gc.setLineWidth(1);
    }
}
