// Package load stores hesabat reports in a SQLite database that analysts
// query directly or through BI tools (Metabase, Superset, Datasette, Excel).
//
// The schema (see SCHEMA.md) keeps every report with its measures, their
// extra columns and the facts found in them, the report's notes, typed
// warnings and text account (where each character read went), each with its
// provenance: the file's path and SHA-256,
// the pages a measure spans, the byte offset of its first row, the raw text
// of its work-done cell beside the normalised text, and the character span of
// each fact in that normalised text. Failing files are kept too, in
// ingest_errors, one row per failing content, so that a batch's failures can
// be reviewed and an unchanged failing file is not read again (see State and
// SaveError). Views join the tables for BI tools (docs/bi.md shows how to
// query them), measures_fts offers Azerbaijani-aware full-text search
// (Search) over folded copies of measures' titles, work done and extra
// cells, Export streams any view row by row, and OpenReadOnly opens a
// database that nothing may change (hesabat serve).
//
// The schema comes from SQL migrations embedded in the binary (migrations/),
// applied in order by Open, each in its own transaction, and recorded in
// schema_migrations. A new, empty file gets at once the schema they build,
// from fresh.sql (made from them by TestFreshSchema), and only migrations
// newer than it are applied.
//
// # Transaction contract
//
// SaveReport writes one report with its warnings, notes, measures, extras,
// facts, cell boxes and search index entries in a single transaction: either all of it is stored or none
// of it is. A report is identified by the SHA-256 of its file: saving a report
// whose SHA-256 is already stored changes nothing, so ingesting the same files
// twice leaves the database as it was, unless older extraction rules made
// the stored report: SaveReport then replaces it in the same transaction.
// A stored file is identified by its SHA-256.
// SaveError writes one failure row, and drops the rows of the contents the
// file at the same path had before; it never touches reports.
//
// # Report identity
//
// In the same transaction SaveReport resolves the report's agency (folded
// to a known state body through its aliases, agency.go) and plan, links its
// measures to the plan's measures (plan.go), and applies the rule of one
// truth per report (identity.go): files with the same agency, plan, year
// and period are versions of one report, of which exactly one is current
// and read by the views (current_reports, current_measures, current_facts,
// coverage). The others stay, as sources (the same content in another
// format) or superseded. Remove withdraws a report the same way.
package load
