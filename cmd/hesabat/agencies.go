package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/hesabat/hesabat/load"
)

const agenciesUsage = `  hesabat agencies [--db F]                        list agencies; unknown ones are marked
  hesabat agencies add [--db F] CANONICAL ALIAS... add an agency (or aliases to one)
  hesabat agencies load [--db F] FILE              add the agencies of a file: one a line,
                                                   the canonical name then its aliases, tab-separated

A report's agency is matched by its name folded (case, the "Azərbaycan
Respublikası" prefix and case endings do not matter). An agency matching no
known one is stored as unknown; adding it, or an alias it goes by, to a known
agency joins its reports to that agency.
`

// runAgencies lists the agencies or adds to them.
func runAgencies(ctx context.Context, args []string, std stdio) int {
	stdout, stderr := std.out, std.err
	fs := flags("agencies", "[add|load] ...", agenciesUsage, std)
	dbPath := fs.String("db", load.DefaultPath, "SQLite database file")
	if code, ok := parse(fs, args, std); !ok {
		return code
	}
	var list []load.AgencyEntry
	switch sub := fs.Arg(0); sub {
	case "":
	case "add":
		if fs.NArg() < 2 {
			fmt.Fprintln(stderr, `hesabat agencies add: no name given (hint: hesabat agencies add "Dövlət Statistika Komitəsi" DSK)`)
			return 2
		}
		list = []load.AgencyEntry{{Name: fs.Arg(1), Aliases: fs.Args()[2:]}}
	case "load":
		if fs.NArg() != 2 {
			fmt.Fprintln(stderr, "hesabat agencies load: give one file (hint: hesabat agencies load agencies.tsv)")
			return 2
		}
		f, err := os.Open(fs.Arg(1))
		if err != nil {
			fmt.Fprintf(stderr, "hesabat: %v\n", err)
			return 1
		}
		list, err = load.ParseAgencies(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "hesabat: %s: %v\n", fs.Arg(1), err)
			return 1
		}
	default:
		fmt.Fprintf(stderr, "hesabat agencies: unknown subcommand %q\n\n%s", sub, agenciesUsage)
		return 2
	}
	db, err := load.Open(*dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat: %v\n", err)
		return 1
	}
	defer db.Close()
	if list != nil {
		if err := db.AddAgencies(ctx, list); err != nil {
			fmt.Fprintf(stderr, "hesabat: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%d agencies added or extended\n", len(list))
		return 0
	}
	agencies, err := db.Agencies(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat: %v\n", err)
		return 1
	}
	for _, a := range agencies {
		mark := ""
		if !a.Known {
			mark = " [unknown]"
		}
		aliases := ""
		if len(a.Aliases) > 0 {
			aliases = " (" + strings.Join(a.Aliases, "; ") + ")"
		}
		fmt.Fprintf(stdout, "%4d  %s%s%s\n", a.Reports, a.Name, mark, aliases)
	}
	return 0
}
