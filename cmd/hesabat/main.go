// Command hesabat turns Azerbaijani government reports on national action
// plans (PDF, DOCX, plain text) into a SQLite database.
//
//	hesabat extract FILE...            print each report as JSON
//	hesabat ingest [--db F] PATH...    load files and folders into SQLite
//	hesabat normalize [FILE|-]         print text normalised
//	hesabat facts [FILE|-]             print the numeric facts in text
//	hesabat remove [--db F] PATH|SHA…  withdraw reports from the views
//	hesabat agencies [add|load] …      list or extend the agencies
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `hesabat turns Azerbaijani government reports into a SQLite database.

Usage:
  hesabat extract [flags] FILE...          print each report as JSON
  hesabat ingest [flags] PATH...           load files and folders into SQLite
  hesabat normalize [FILE|-]               print text in normalised form
  hesabat facts [FILE|-]                   print the numeric facts in text, one JSON line each
  hesabat remove [flags] PATH|SHA256...    withdraw reports from the views (kept, marked removed)
  hesabat agencies [add|load] ...          list the agencies, or add names and aliases
  hesabat search [flags] QUERY...          find measures by words (Azerbaijani-aware)
  hesabat export [flags]                   write a view as CSV, XLSX or JSON lines

Run 'hesabat COMMAND -h' for a command's flags.
`

// run is the whole program: it parses args, runs the command and returns
// the exit code (0 ok, 1 some input failed, 2 misuse).
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "extract":
		return runExtract(ctx, rest, stdout, stderr)
	case "ingest":
		return runIngest(ctx, rest, stdout, stderr)
	case "normalize", "normalise":
		return runNormalize(rest, stdin, stdout, stderr)
	case "facts":
		return runFacts(rest, stdin, stdout, stderr)
	case "remove":
		return runRemove(ctx, rest, stdout, stderr)
	case "agencies":
		return runAgencies(ctx, rest, stdout, stderr)
	case "search":
		return runSearch(ctx, rest, stdout, stderr)
	case "export":
		return runExport(ctx, rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "hesabat: unknown command %q\n\n%s", cmd, usage)
	return 2
}
