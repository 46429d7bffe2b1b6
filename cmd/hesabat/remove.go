package main

import (
	"context"
	"fmt"

	"github.com/hesabat/hesabat/load"
)

// runRemove withdraws reports: each argument is a path as ingested
// (relative to the current directory) or a SHA-256. The reports stay in
// the database, marked removed, out of the views; a report they had
// superseded may become current again. A path or SHA-256 that names no
// stored report makes the exit code 1; the others are still removed.
func runRemove(ctx context.Context, args []string, std stdio) int {
	stdout, stderr := std.out, std.err
	fs := flags("remove", "[flags] PATH|SHA256...", "Withdraws reports from the views; they stay in the database, marked removed.", std)
	dbPath := fs.String("db", load.DefaultPath, "SQLite database file")
	if code, ok := parse(fs, args, std); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "hesabat remove: no path or SHA-256 given (hint: hesabat remove reports/old.pdf)")
		return 2
	}
	db, err := load.Open(*dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat: %v\n", err)
		return 1
	}
	defer db.Close()
	code := 0
	for _, arg := range fs.Args() {
		n, err := db.Remove(ctx, arg)
		if err != nil {
			fmt.Fprintf(stderr, "hesabat: %v\n", err)
			code = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: %d report(s) removed\n", arg, n)
	}
	return code
}
