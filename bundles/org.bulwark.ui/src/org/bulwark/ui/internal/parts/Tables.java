package org.bulwark.ui.internal.parts;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** The set-up the parts' tables share: one row selected at a time, headers, lines, columns of fixed widths. */
final class Tables {

    private Tables() {
    }

    /**
     * @return a table of single, full-row selection with headers and lines (and {@code style}, e.g.
     *         {@link SWT#VIRTUAL}), filling {@code span} columns of {@code root}'s grid
     */
    static Table create(Composite root, int style, int span) {
        Table table = new Table(root, style | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, span, 1));
        return table;
    }

    /** Adds a column a pair of {@code columns}: its header and its width in pixels. */
    static void columns(Table table, String[][] columns) {
        for (String[] col : columns) {
            TableColumn tc = new TableColumn(table, SWT.NONE);
            tc.setText(col[0]);
            tc.setWidth(Integer.parseInt(col[1]));
        }
    }

    /**
     * Selects again the row of {@code rows} whose key is that of {@code was} (the row selected before a reload), so
     * the same entity stays selected across reloads (after an edit, for one); nothing for {@code was null}.
     */
    static <T> void reselect(Table table, List<T> rows, T was, Function<T, ?> key) {
        for (int i = 0; was != null && i < rows.size(); i++) {
            if (Objects.equals(key.apply(rows.get(i)), key.apply(was))) {
                table.setSelection(i);
            }
        }
    }
}
