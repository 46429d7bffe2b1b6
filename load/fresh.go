package load

import (
	"context"
	_ "embed"
	"fmt"
)

// freshSchema creates, in an empty database, the schema that the
// migrations it records build, and records them as applied (their
// applied_at is then set by createFresh). It is made from migrations/ by
// TestFreshSchema, which also checks that it builds the same database as
// the migrations do; migrate applies any migration newer than it.
//
//go:embed fresh.sql
var freshSchema string

// createFresh gives a new, empty database file its schema from freshSchema
// in one transaction. Replaying the migrations, whose views and columns
// are made and remade as the schema grew, cost SQLite's parser most of
// the 134 million instructions of `hesabat ingest` of an empty folder
// into a new file (46 million from fresh.sql), about 20 ms before the
// first file is read. A database with any schema object is left to
// migrate. Another process creating the same file at the same time waits
// for the IMMEDIATE transaction and then finds the schema there.
func (db *DB) createFresh(ctx context.Context) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var objects int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&objects); err != nil {
		return err
	}
	if objects > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, freshSchema); err != nil {
		return fmt.Errorf("fresh.sql: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schema_migrations SET applied_at = ?`, db.now()); err != nil {
		return err
	}
	return tx.Commit()
}
