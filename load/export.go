package load

import (
	"context"

	"fmt"
	"strings"
)

// Column is a column of an exported view: its name and the type SQLite
// declares for it ("INTEGER", "REAL", "TEXT"; "" where the view computes
// it and declares none).
type Column struct {
	Name string
	Type string
}

// Views returns the names of the views in the database, sorted: what
// Export can read.
func (db *DB) Views(ctx context.Context) ([]string, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Export reads the rows of view one at a time: it calls head once with the
// view's columns, then row for each row with its values as int64, float64,
// string or nil (NULL). Memory stays flat whatever the size of the view.
// A view that does not exist is an error naming the views there are.
func (db *DB) Export(ctx context.Context, view string, head func([]Column) error, row func([]any) error) error {
	views, err := db.Views(ctx)
	if err != nil {
		return err
	}
	found := false
	for _, v := range views {
		found = found || v == view
	}
	if !found {
		return fmt.Errorf("no view %q (views: %s)", view, strings.Join(views, ", "))
	}
	// The name is one of the database's own views: quoting makes any
	// character in it safe.
	rows, err := db.db.QueryContext(ctx, `SELECT * FROM "`+strings.ReplaceAll(view, `"`, `""`)+`"`)
	if err != nil {
		return fmt.Errorf("export %s: %w", view, err)
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return err
	}
	cols := make([]Column, len(types))
	for i, t := range types {
		cols[i] = Column{Name: t.Name(), Type: strings.ToUpper(t.DatabaseTypeName())}
	}
	if err := head(cols); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		if err := row(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}
