package load

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestInsertRows inserts more rows than one statement takes: they all go
// in, in their order; a failing row is named, and nothing of it stays.
func TestInsertRows(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	if _, err := db.db.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, batch INTEGER, n INTEGER CHECK (n >= 0))`); err != nil {
		t.Fatal(err)
	}
	cols := []string{"batch", "n"}
	for _, size := range []int{0, 1, 7, 1<<maxRowsLog + 1, 3<<maxRowsLog - 1} {
		tx, err := db.db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		var args []any
		for i := range size {
			args = append(args, size, i)
		}
		if err := insertRows(ctx, tx, "t", cols, args, func(row int, err error) error { return err }); err != nil {
			t.Fatalf("%d rows: %v", size, err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if n := queryInt(t, db, `SELECT count(*) FROM t WHERE batch = ?`, size); n != size {
			t.Errorf("%d rows inserted of %d", n, size)
		}
		if n := queryInt(t, db, `SELECT count(*) FROM t WHERE batch = ?1
			AND n <> id - (SELECT min(id) FROM t WHERE batch = ?1)`, size); n != 0 {
			t.Errorf("%d rows: ids do not follow their order", size)
		}
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	args := []any{100, 0, 100, 1, 100, -1, 100, 3}
	err = insertRows(ctx, tx, "t", cols, args, func(row int, err error) error { return fmt.Errorf("row %d: %w", row, err) })
	if err == nil || !strings.HasPrefix(err.Error(), "row 2: CHECK constraint failed") {
		t.Errorf("a failing third row: %v, want it named", err)
	}
}
