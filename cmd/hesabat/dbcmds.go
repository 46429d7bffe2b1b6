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

// openForReading opens the database a reporting command reads, which
// must exist: a mistyped --db must not create an empty database.
func openForReading(std stdio, cmd, path string) (*load.DB, bool) {
	if _, err := os.Stat(path); err != nil {
		misuse(std, cmd, "no database %s (hint: --db names it; 'hesabat ingest' creates it)", path)
		return nil, false
	}
	db, err := load.Open(path)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return nil, false
	}
	return db, true
}

// runErrors lists the files that fail, with what to do about each.
func runErrors(ctx context.Context, args []string, std stdio) int {
	fs := flags("errors", "[--db FILE] [--json]", "Lists the files that fail to ingest, with a hint for each.", std)
	dbPath := fs.String("db", load.DefaultPath, "SQLite database file")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if code, ok := parse(fs, args, std); !ok {
		return code
	}
	if fs.NArg() > 0 {
		misuse(std, "errors", "unexpected argument %q", fs.Arg(0))
		return exitMisuse
	}
	db, ok := openForReading(std, "errors", *dbPath)
	if !ok {
		return exitFailed
	}
	defer db.Close()
	fails, err := db.Failures(ctx)
	if err != nil {
		fmt.Fprintf(std.err, "hesabat: %v\n", err)
		return exitFailed
	}
	if *asJSON {
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
		fmt.Fprintf(std.out, "%s: no failing files\n", *dbPath)
	}
	return exitOK
}

// runStats prints what the database holds for each agency and year, and
// the files that fail.
func runStats(ctx context.Context, args []string, std stdio) int {
	fs := flags("stats", "[--db FILE] [--json]", "Prints the reports, measures, facts and warnings stored for each agency\nand year, and the files that fail.", std)
	dbPath := fs.String("db", load.DefaultPath, "SQLite database file")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if code, ok := parse(fs, args, std); !ok {
		return code
	}
	if fs.NArg() > 0 {
		misuse(std, "stats", "unexpected argument %q", fs.Arg(0))
		return exitMisuse
	}
	db, ok := openForReading(std, "stats", *dbPath)
	if !ok {
		return exitFailed
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
		j := groupJSON{Agency: g.Agency, Reports: g.Reports, Measures: g.Measures, Facts: g.Facts, Warnings: g.Warnings}
		if g.Year != 0 {
			j.Year = &g.Year
		}
		out.Groups = append(out.Groups, j)
		out.Total.Reports += g.Reports
		out.Total.Measures += g.Measures
		out.Total.Facts += g.Facts
		out.Total.Warnings += g.Warnings
	}
	if *asJSON {
		writeJSON(std.out, out, false)
		return exitOK
	}
	row := "%-50s %6s %8s %9s %9s %9s\n"
	fmt.Fprintf(std.out, row, "agency", "year", "reports", "measures", "facts", "warnings")
	for _, g := range out.Groups {
		agency, year := g.Agency, "?"
		if agency == "" {
			agency = "(unknown)"
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
