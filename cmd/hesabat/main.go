// Command hesabat turns Azerbaijani government reports on national action
// plans (PDF, DOCX, DOC, ODT, web pages, plain text) into a SQLite database.
//
//	hesabat extract [flags] FILE...|-   print each report as JSON
//	hesabat ingest [flags] PATH...      load files and folders into SQLite
//	hesabat errors [--db F]             list the files that fail, with hints
//	hesabat stats [--db F]              what the database holds, by agency and year
//	hesabat normalize [FILE|-]          print text normalised
//	hesabat facts [FILE|-]              print the numeric facts in text
//	hesabat remove [--db F] PATH|SHA…   withdraw reports from the views
//	hesabat agencies [add|load] …       list or extend the agencies
//	hesabat serve [--db F] [--addr A]   a read-only review site over the database
//
// Exit codes: 0 done, 1 some file failed (for the first time), 2 misuse,
// 130 interrupted.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// main runs the program. The first SIGINT or SIGTERM cancels the run,
// which stops between documents; a second one kills it at once (SQLite
// rolls back a document being written).
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr})
	stop()
	os.Exit(code)
}

// command is one subcommand of hesabat.
type command struct {
	name    string
	args    string // synopsis after the name, for the usage text
	summary string
	run     func(ctx context.Context, args []string, std stdio) int
}

// commands lists the subcommands in the order the usage shows them. A new
// command is one more entry.
var commands = []command{
	{"extract", "[flags] FILE...|-", "print each report as JSON", runExtract},
	{"ingest", "[flags] PATH...", "load files and folders into SQLite", runIngest},
	{"errors", "[--db FILE] [--json]", "list the files that fail, with hints", runErrors},
	{"stats", "[--db FILE] [--json]", "reports, measures, facts by agency and year", runStats},
	{"normalize", "[FILE|-]", "print text in normalised form", runNormalize},
	{"facts", "[FILE|-]", "print the numeric facts in text, one JSON line each", runFacts},
	{"remove", "[--db FILE] PATH|SHA256...", "withdraw reports from the views (kept, marked removed)", runRemove},
	{"agencies", "[add|load] ...", "list the agencies, or add names and aliases", runAgencies},
	{"search", "[flags] QUERY...", "find measures by words (Azerbaijani-aware)", runSearch},
	{"export", "[flags]", "write a view as CSV, XLSX or JSON lines", runExport},
	{"serve", "[--db FILE] [--addr ADDR]", "a read-only review site over the database", runServe},
}

// aliases are other names a command answers to.
var aliases = map[string]string{"normalise": "normalize"}

// usage is the program's help text.
func usage() string {
	var b strings.Builder
	b.WriteString("hesabat turns Azerbaijani government reports into a SQLite database.\n\nUsage:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  hesabat %-32s %s\n", c.name+" "+c.args, c.summary)
	}
	b.WriteString("  hesabat --version                        print the version\n")
	b.WriteString("\nFormats: .pdf .docx .doc .odt .fodt .html .htm .txt, told apart by content\nfirst, extension second.\n")
	b.WriteString("\nRun 'hesabat COMMAND -h' for a command's flags.\n")
	b.WriteString("Exit codes: 0 done, 1 some file failed, 2 misuse, 130 interrupted.\n")
	return b.String()
}

// run is the whole program: it parses args, runs the command and returns
// the exit code.
func run(ctx context.Context, args []string, std stdio) int {
	if len(args) == 0 {
		fmt.Fprint(std.err, usage())
		return exitMisuse
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(std.out, usage())
		return exitOK
	case "version", "--version", "-version":
		printVersion(std.out)
		return exitOK
	}
	if a, ok := aliases[name]; ok {
		name = a
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, rest, std)
		}
	}
	fmt.Fprintf(std.err, "hesabat: unknown command %q", name)
	if s := nearest(name); s != "" {
		fmt.Fprintf(std.err, "; did you mean 'hesabat %s'?", s)
	}
	fmt.Fprintf(std.err, "\n\n%s", usage())
	return exitMisuse
}

// nearest returns the command whose name is closest to name, if it is
// close enough to be a typo (at most a third of its letters changed, or
// name is a prefix of it), else "".
func nearest(name string) string {
	best, bestD := "", 0
	for _, c := range commands {
		d := editDistance(name, c.name)
		if strings.HasPrefix(c.name, name) && len(name) >= 2 {
			d = 0
		}
		if d*3 <= len(c.name) && (best == "" || d < bestD) {
			best, bestD = c.name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
