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

// textCommand runs a command over normalised text: the only argument is a
// file, or standard input for "-" or none. Each line is normalised, and
// emit writes the result to a buffered stdout. It returns the exit code.
func textCommand(cmd string, args []string, stdin io.Reader, stdout, stderr io.Writer, emit func(w *bufio.Writer, lines []string) error) int {
	if len(args) > 1 {
		fmt.Fprintf(stderr, "hesabat %s: one file at most (hint: hesabat %s report.txt, or pipe text in)\n", cmd, cmd)
		return 2
	}
	r := stdin
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
func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return textCommand("normalize", args, stdin, stdout, stderr, func(w *bufio.Writer, lines []string) error {
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
func runFacts(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return textCommand("facts", args, stdin, stdout, stderr, func(w *bufio.Writer, lines []string) error {
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
