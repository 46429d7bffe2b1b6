package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/hesabat/hesabat/transform/aztext"
	"github.com/hesabat/hesabat/transform/facts"
)

// textCommand runs a command over normalised text: the only argument is a
// file, or standard input for "-" or none. Each line is normalised, and
// emit writes the result to a buffered stdout. It returns the exit code.
func textCommand(cmd, about string, args []string, std stdio, emit func(w *bufio.Writer, lines []string) error) int {
	fs := flags(cmd, "[FILE|-]", about, std)
	if code, ok := parse(fs, args, std); !ok {
		return code
	}
	args = fs.Args()
	stdout, stderr := std.out, std.err
	if len(args) > 1 {
		misuse(std, cmd, "one file at most (hint: hesabat %s report.txt, or pipe text in)", cmd)
		return exitMisuse
	}
	r := std.in
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			fmt.Fprintf(stderr, "hesabat %s: %v\n", cmd, err)
			return 1
		}
		defer f.Close()
		r = f
	}
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		lines = append(lines, aztext.Normalize(sc.Text()))
	}
	w := bufio.NewWriter(stdout)
	err := sc.Err()
	if err == nil {
		err = emit(w, lines)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "hesabat %s: %v\n", cmd, err)
		return 1
	}
	return 0
}

// runNormalize prints its input with every line normalised.
func runNormalize(_ context.Context, args []string, std stdio) int {
	return textCommand("normalize", "Prints the text of FILE (or standard input) with every line normalised.", args, std, func(w *bufio.Writer, lines []string) error {
		for _, l := range lines {
			w.WriteString(l)
			w.WriteByte('\n')
		}
		return nil
	})
}

// runFacts prints the numeric facts of its input, one JSON object a line.
// start and end count runes into the normalised text, its lines joined by
// "\n".
func runFacts(_ context.Context, args []string, std stdio) int {
	return textCommand("facts", "Prints the numeric facts in FILE (or standard input), one JSON object a line;\nstart and end count characters into the normalised text.", args, std, func(w *bufio.Writer, lines []string) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, f := range facts.Extract(strings.Join(lines, "\n")) {
			if err := enc.Encode(f); err != nil {
				return err
			}
		}
		return nil
	})
}
