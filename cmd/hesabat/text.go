package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hesabat/hesabat/transform/aztext"
	"github.com/hesabat/hesabat/transform/facts"
)

// openText returns the text named by the only argument: a file, or
// standard input for "-" or no argument.
func openText(cmd string, args []string, stdin io.Reader) (io.Reader, func(), error) {
	switch {
	case len(args) > 1:
		return nil, nil, fmt.Errorf("hesabat %s: one file at most (hint: hesabat %s report.txt, or pipe text in)", cmd, cmd)
	case len(args) == 0 || args[0] == "-":
		return stdin, func() {}, nil
	}
	f, err := os.Open(args[0])
	if err != nil {
		return nil, nil, fmt.Errorf("hesabat %s: %w", cmd, err)
	}
	return f, func() { f.Close() }, nil
}

// normalizedLines reads r line by line and returns each line normalised.
func normalizedLines(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		out = append(out, aztext.Normalize(strings.TrimSuffix(sc.Text(), "\r")))
	}
	return out, sc.Err()
}

// runNormalize prints its input with every line normalised.
func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	r, done, err := openText("normalize", args, stdin)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	defer done()
	lines, err := normalizedLines(r)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat normalize: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return 1
	}
	return 0
}

// runFacts prints the numeric facts of its input, one JSON object a line.
// The input is normalised line by line first; start and end count runes
// into the normalised text, lines joined by "\n".
func runFacts(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	r, done, err := openText("facts", args, stdin)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	defer done()
	lines, err := normalizedLines(r)
	if err != nil {
		fmt.Fprintf(stderr, "hesabat facts: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, f := range facts.Extract(strings.Join(lines, "\n")) {
		if err := enc.Encode(f); err != nil {
			return 1
		}
	}
	if err := w.Flush(); err != nil {
		return 1
	}
	return 0
}
