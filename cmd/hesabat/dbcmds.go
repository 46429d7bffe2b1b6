package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hesabat/hesabat/load"
)

// failureJSON is one failing file as 'hesabat errors --json' and
// 'hesabat stats --json' print it.
type failureJSON struct {
	Path         string    `json:"path"`
	SHA256       string    `json:"sha256"`
	Kind         string    `json:"kind"`
	Message      string    `json:"message"`
	Hint         string    `json:"hint"`
	Page         int       `json:"page"`
	FirstSeen    time.Time `json:"first_seen"`
	LastSeen     time.Time `json:"last_seen"`
	Attempts     int       `json:"attempts"`
	RulesVersion int       `json:"rules_version"`
}

func failuresJSON(fs []load.Failure) []failureJSON {
	out := []failureJSON{}
	for _, f := range fs {
		out = append(out, failureJSON{f.Path, f.SHA256, f.Kind, f.Message, f.Hint, f.Page, f.First, f.Last, f.Attempts, f.RulesVersion})
	}
	return out
}

// reader parses the flags of a command that reads the database (--db,
// --json, no arguments) and opens the database, which must exist: a
// mistyped --db must not create an empty database. db is nil when the
// command must stop with the exit code returned, the reason printed.
func reader(name, about string, args []string, std stdio) (db *load.DB, dbPath string, asJSON bool, code int) {
	fs := flags(name, "[--db FILE] [--json]", about, std)
	fs.StringVar(&dbPath, "db", load.DefaultPath, "SQLite database `FILE`")
	fs.BoolVar(&asJSON, "json", false, "print one JSON object")
	if code, ok := parse(fs, args, std); !ok {
		return nil, "", false, code
	}
	if fs.NArg() > 0 {
		misuse(std, name, "unexpected argument %q", fs.Arg(0))
		return nil, "", false, exitMisuse
	}
	if _, err := os.Stat(dbPath); err != nil {
		misuse(std, name, "no database %s (hint: --db names it; 'hesabat ingest' creates it)", dbPath)
		return nil, "", false, exitMisuse
	}
	db, err := load.Open(dbPath)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return nil, "", false, exitFailed
	}
	return db, dbPath, asJSON, exitOK
}

// runErrors lists the files that fail, with what to do about each.
func runErrors(ctx context.Context, args []string, std stdio) int {
	db, dbPath, asJSON, code := reader("errors", "Lists the files that fail to ingest, with a hint for each.", args, std)
	if db == nil {
		return code
	}
	defer db.Close()
	fails, err := db.Failures(ctx)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	if asJSON {
		writeJSON(std.out, struct {
			SchemaVersion int           `json:"schema_version"`
			Failures      []failureJSON `json:"failures"`
		}{outputVersion, failuresJSON(fails)}, false)
		return exitOK
	}
	for _, f := range fails {
		fmt.Fprintf(std.out, "%s", f.Path)
		if f.Page > 0 {
			fmt.Fprintf(std.out, ": page %d", f.Page)
		}
		fmt.Fprintf(std.out, ": %s\n", f.Message)
		if f.Hint != "" {
			fmt.Fprintf(std.out, "    hint: %s\n", f.Hint)
		}
		fmt.Fprintf(std.out, "    failing since %s, last seen %s, read %d times\n",
			f.First.Local().Format(time.DateTime), f.Last.Local().Format(time.DateTime), f.Attempts)
	}
	if len(fails) == 0 {
		fmt.Fprintf(std.out, "%s: no failing files\n", dbPath)
	}
	return exitOK
}

// runStats prints what the database holds for each agency and year (its
// current reports: a report stored as PDF and DOCX counts once), and the
// files that fail. An agency not in the list of state bodies is marked
// unknown.
func runStats(ctx context.Context, args []string, std stdio) int {
	db, _, asJSON, code := reader("stats", "Prints the reports, measures, facts and warnings stored for each agency\nand year, and the files that fail.", args, std)
	if db == nil {
		return code
	}
	defer db.Close()
	groups, err := db.Stats(ctx)
	var fails []load.Failure
	if err == nil {
		fails, err = db.Failures(ctx)
	}
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	type groupJSON struct {
		Agency   string `json:"agency"`
		Known    bool   `json:"known"` // a known state body (hesabat agencies)
		Year     *int   `json:"year"`
		Reports  int    `json:"reports"`
		Measures int    `json:"measures"`
		Facts    int    `json:"facts"`
		Warnings int    `json:"warnings"`
	}
	out := struct {
		SchemaVersion int           `json:"schema_version"`
		Groups        []groupJSON   `json:"groups"`
		Total         groupJSON     `json:"total"`
		Failures      []failureJSON `json:"failures"`
	}{SchemaVersion: outputVersion, Groups: []groupJSON{}, Failures: failuresJSON(fails)}
	for _, g := range groups {
		j := groupJSON{Agency: g.Agency, Known: g.Known, Reports: g.Reports, Measures: g.Measures, Facts: g.Facts, Warnings: g.Warnings}
		if g.Year != 0 {
			j.Year = &g.Year
		}
		out.Groups = append(out.Groups, j)
		out.Total.Reports += g.Reports
		out.Total.Measures += g.Measures
		out.Total.Facts += g.Facts
		out.Total.Warnings += g.Warnings
	}
	if asJSON {
		writeJSON(std.out, out, false)
		return exitOK
	}
	row := "%-50s %6s %8s %9s %9s %9s\n"
	fmt.Fprintf(std.out, row, "agency", "year", "reports", "measures", "facts", "warnings")
	for _, g := range out.Groups {
		agency, year := g.Agency, "?"
		switch {
		case agency == "":
			agency = "(none found)"
		case !g.Known:
			agency += " [unknown agency]"
		}
		if g.Year != nil {
			year = fmt.Sprint(*g.Year)
		}
		fmt.Fprintf(std.out, row, agency, year, fmt.Sprint(g.Reports), fmt.Sprint(g.Measures), fmt.Sprint(g.Facts), fmt.Sprint(g.Warnings))
	}
	t := out.Total
	fmt.Fprintf(std.out, row, "total", "", fmt.Sprint(t.Reports), fmt.Sprint(t.Measures), fmt.Sprint(t.Facts), fmt.Sprint(t.Warnings))
	if len(fails) > 0 {
		fmt.Fprintf(std.out, "\n%d files fail:\n", len(fails))
		for _, f := range fails {
			fmt.Fprintf(std.out, "  %s: %s\n", f.Path, f.Kind)
		}
		fmt.Fprintln(std.out, "'hesabat errors' says why and what to do.")
	}
	return exitOK
}
