// Package load stores hesabat reports in a SQLite database that analysts
// query directly or through BI tools (Metabase, Superset, Datasette, Excel).
//
// The schema (see SCHEMA.md) keeps every report with its measures and the
// facts found in them, each with its provenance: the file's path and SHA-256,
// the pages a measure spans, the byte offset of its first row, the raw text
// of its work-done cell beside the normalised text, and the character span of
// each fact in that normalised text. Failed files are kept too, in
// ingest_errors, so a batch's failures can be reviewed later. Views join the
// tables for BI tools, and measures_fts offers Azerbaijani-aware full-text
// search (Search) over folded copies of measures' titles, work done and
// extra cells. Export streams any view row by row.
//
// The schema comes from SQL migrations embedded in the binary (migrations/),
// applied in order by Open, each in its own transaction, and recorded in
// schema_migrations.
//
// # Transaction contract
//
// SaveReport writes one report with its warnings, measures, facts and search
// index entries in a single transaction: either all of it is stored or none
// of it is. A report is identified by the SHA-256 of its file: saving a report
// whose SHA-256 is already stored changes nothing, so ingesting the same files
// twice leaves the database as it was. SaveError appends one row and never
// touches reports.
//
package load
