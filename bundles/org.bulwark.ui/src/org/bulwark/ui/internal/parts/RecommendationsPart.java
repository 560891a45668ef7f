package org.bulwark.ui.internal.parts;

import java.util.List;
import java.util.Locale;

import org.bulwark.collector.api.Category;
import org.bulwark.ui.WorkbenchIds;
import org.bulwark.ui.WorkbenchTopics;
import org.bulwark.ui.internal.Session;
import org.bulwark.ui.internal.model.Column;
import org.bulwark.ui.internal.model.Row;
import org.bulwark.ui.internal.model.RowQuery;
import org.bulwark.ui.internal.model.Snapshot;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The security recommendations: a virtual table (only visible rows are materialized, so 10,000 rows stay fast)
 * with a search field, a category filter and sorting on every column, impact descending by default.
 */
public class RecommendationsPart extends SnapshotPart {

    private Session session;
    private EPartService parts;
    Text search;
    Combo category;
    Table table;
    Label count;
    private List<Row> all = List.of();
    private List<Row> shown = List.of();
    private RowQuery query = RowQuery.DEFAULT;

    @PostConstruct
    public void create(Composite parent, Session session, @Optional EPartService parts) {
        this.session = session;
        this.parts = parts;
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(4, false));
        search = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Search recommendations");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.Modify, e -> apply(query.withSearch(search.getText())));
        Label cl = new Label(root, SWT.NONE);
        cl.setText("Category:");
        category = new Combo(root, SWT.READ_ONLY);
        category.add("All categories");
        for (Category c : Category.values()) {
            category.add(c.label());
        }
        category.select(0);
        category.addListener(SWT.Selection, e -> {
            int i = category.getSelectionIndex();
            apply(query.withCategory(i <= 0 ? null : Category.values()[i - 1]));
        });
        count = new Label(root, SWT.NONE);
        count.setLayoutData(new GridData(130, SWT.DEFAULT));

        table = Tables.create(root, SWT.VIRTUAL, 4);
        showWhile(table);
        for (Column c : Column.values()) {
            TableColumn tc = new TableColumn(table, c == Column.NAME || c == Column.CATEGORY
                    || c == Column.STATUS || c == Column.REMEDIATION ? SWT.LEFT : SWT.RIGHT);
            tc.setText(c.header());
            tc.setWidth(c.width());
            tc.setData(c);
            tc.setMoveable(true);
            tc.addListener(SWT.Selection, e -> apply(query.sortedBy(c)));
        }
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            int i = table.indexOf(item);
            if (i >= 0 && i < shown.size()) {
                Row r = shown.get(i);
                String[] texts = new String[Column.values().length];
                for (Column c : Column.values()) {
                    texts[c.ordinal()] = r.text(c);
                }
                item.setText(texts);
                item.setData(r);
            }
        });
        table.addListener(SWT.Selection, e -> {
            Row r = selectedRow();
            if (r != null) {
                session.select(r.controlId());
            }
        });
        table.addListener(SWT.DefaultSelection, e -> {
            Row r = selectedRow();
            if (r != null && this.parts != null) {
                session.select(r.controlId());
                this.parts.showPart(WorkbenchIds.PART_DETAILS, EPartService.PartState.ACTIVATE);
            }
        });
        if (session.category() != null) {
            filterCategory(session.category());
        }
        session.showOrLoad(this::show);
    }

    @Inject
    @Optional
    void onCategory(@UIEventTopic(WorkbenchTopics.CATEGORY_SELECTED) Category c) {
        if (live()) {
            filterCategory(c);
        }
    }

    /** Shows only {@code c} (or all for {@code null}). */
    public void filterCategory(Category c) {
        category.select(c == null ? 0 : c.ordinal() + 1);
        apply(query.withCategory(c));
    }

    /** Shows the recommendations of {@code s}, keeping search, filter and sort. UI thread only. */
    @Override
    public void show(Snapshot s) {
        setRows(s.rows());
    }

    /** Replaces the rows (e.g. 10,000 for the benchmark). */
    public void setRows(List<Row> rows) {
        all = List.copyOf(rows);
        apply(query);
    }

    /** Applies {@code q}: filters and sorts in memory, then lets the virtual table fetch the visible rows. */
    public void apply(RowQuery q) {
        query = q;
        String selected = session.selected();
        shown = q.apply(all);
        table.setRedraw(false);
        try {
            table.clearAll();
            table.setItemCount(shown.size());
            TableColumn sortColumn = table.getColumn(q.sort().ordinal());
            table.setSortColumn(sortColumn);
            table.setSortDirection(q.descending() ? SWT.DOWN : SWT.UP);
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).controlId().equals(selected)) {
                    table.setSelection(i);
                    break;
                }
            }
        } finally {
            table.setRedraw(true);
        }
        count.setText(String.format(Locale.ROOT, "%d of %d", shown.size(), all.size()));
    }

    public RowQuery query() {
        return query;
    }

    /** @return the rows in table order */
    public List<Row> shown() {
        return shown;
    }

    private Row selectedRow() {
        int i = table.getSelectionIndex();
        return i >= 0 && i < shown.size() ? shown.get(i) : null;
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
