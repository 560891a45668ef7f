package org.bulwark.ui.internal.parts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.bulwark.store.api.AssessmentSummary;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/** The score over time: one point per stored assessment, 0 to 100, drawn with SWT. */
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
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        gc.setLineWidth(2);
        int n = points.size();
        int px = -1;
        int py = -1;
        for (int i = 0; i < n; i++) {
            int x = n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1);
            int y = bottom - (int) Math.round((bottom - top) * points.get(i).score() / 100);
            if (px >= 0) {
                gc.drawLine(px, py, x, y);
            }
            gc.fillOval(x - 3, y - 3, 7, 7);
            px = x;
            py = y;
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawString(DAY.format(points.get(0).finished()), left, bottom + 3, true);
        String last = DAY.format(points.get(n - 1).finished()) + String.format(Locale.ROOT, "  %.1f",
                points.get(n - 1).score());
        gc.drawString(last, right - gc.textExtent(last).x, bottom + 3, true);
    }
}
