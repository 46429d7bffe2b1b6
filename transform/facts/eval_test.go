package facts

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat"
)

// evalSentence is one sentence of testdata/eval/sentences.txt with its
// hand-written gold.
type evalSentence struct {
	addr, text string
	line       int
	gold       []evalFact
	mustNot    []evalSpan
}

// evalFact is one gold fact: what it must say and where it is.
type evalFact struct {
	kind       hesabat.FactKind
	value, end *float64
	units      []string // accepted unit lemmas; none means any
	cur, date  string
	ref        string
	span       evalSpan
	line       int
}

// evalSpan is a rune range of the sentence with its text.
type evalSpan struct {
	text       string
	start, end int
	why        string
}

// readEval parses the evaluation set; see the header of the file for the format.
func readEval(tb testing.TB, path string) []evalSentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var (
		out  []evalSentence
		addr string
		from int // where the next gold span is searched for, in bytes
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		bad := func(msg string) { tb.Fatalf("%s:%d: %s: %q", path, n, msg, line) }
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "@ "):
			addr = line[2:]
		case strings.HasPrefix(line, "> "):
			if addr == "" {
				bad("sentence without an address")
			}
			out = append(out, evalSentence{addr: addr, text: line[2:], line: n})
			from = 0
		case strings.HasPrefix(line, "= "), strings.HasPrefix(line, "! "):
			if len(out) == 0 {
				bad("gold before any sentence")
			}
			s := &out[len(out)-1]
			body, span, tail, ok := splitSpan(line[2:])
			if !ok {
				bad("no «span»")
			}
			if line[0] == '!' {
				for _, sp := range findAll(s.text, span) {
					sp.why = strings.TrimSpace(tail)
					s.mustNot = append(s.mustNot, sp)
				}
				if len(findAll(s.text, span)) == 0 {
					bad("must_not span not in the sentence")
				}
				continue
			}
			g, err := parseGold(body)
			if err != nil {
				bad(err.Error())
			}
			b := findWord(s.text, span, from)
			if b < 0 {
				bad("gold span not in the sentence after the previous one")
			}
			from = b + 1
			r0 := utf8.RuneCountInString(s.text[:b])
			g.span = evalSpan{text: span, start: r0, end: r0 + utf8.RuneCountInString(span)}
			g.line = n
			s.gold = append(s.gold, g)
		default:
			bad("unknown line")
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// splitSpan splits "head «span» tail" into its three parts.
func splitSpan(s string) (head, span, tail string, ok bool) {
	a := strings.Index(s, "«")
	b := strings.LastIndex(s, "»")
	if a < 0 || b < a {
		return "", "", "", false
	}
	return s[:a], s[a+len("«") : b], s[b+len("»"):], true
}

// findWord returns the byte offset of the first occurrence of span in s at
// or after from that does not start or end inside a word or number.
func findWord(s, span string, from int) int {
	for i := from; i <= len(s); {
		k := strings.Index(s[i:], span)
		if k < 0 {
			return -1
		}
		b := i + k
		e := b + len(span)
		before, _ := utf8.DecodeLastRuneInString(s[:b])
		after, _ := utf8.DecodeRuneInString(s[e:])
		first, _ := utf8.DecodeRuneInString(span)
		last, _ := utf8.DecodeLastRuneInString(span)
		inWord := func(a, b rune) bool {
			return (unicode.IsLetter(a) || unicode.IsDigit(a)) && (unicode.IsLetter(b) || unicode.IsDigit(b))
		}
		if (b == 0 || !inWord(before, first)) && (e == len(s) || !inWord(last, after)) {
			return b
		}
		i = b + 1
	}
	return -1
}

// findAll returns every whole-word occurrence of span in s as rune ranges.
func findAll(s, span string) []evalSpan {
	var out []evalSpan
	for from := 0; ; {
		b := findWord(s, span, from)
		if b < 0 {
			return out
		}
		r0 := utf8.RuneCountInString(s[:b])
		out = append(out, evalSpan{text: span, start: r0, end: r0 + utf8.RuneCountInString(span)})
		from = b + 1
	}
}

// parseGold reads "kind value[..end] key=value …"; a unit may hold spaces
// and lists alternatives separated by "|".
func parseGold(s string) (evalFact, error) {
	var g evalFact
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return g, fmt.Errorf("empty gold")
	}
	g.kind = hesabat.FactKind(fields[0])
	rest := fields[1:]
	if len(rest) > 0 && !strings.Contains(rest[0], "=") {
		a, b, isRange := strings.Cut(rest[0], "..")
		v, err := strconv.ParseFloat(a, 64)
		if err != nil {
			return g, err
		}
		g.value = &v
		if isRange {
			e, err := strconv.ParseFloat(b, 64)
			if err != nil {
				return g, err
			}
			g.end = &e
		}
		rest = rest[1:]
	}
	// Re-join the key=value pairs: a value runs to the next key.
	var key string
	vals := map[string]string{}
	for _, f := range rest {
		if k, v, ok := strings.Cut(f, "="); ok && (k == "unit" || k == "cur" || k == "date" || k == "ref") {
			key = k
			vals[k] = v
			continue
		}
		if key == "" {
			return g, fmt.Errorf("stray word %q", f)
		}
		vals[key] += " " + f
	}
	if u := vals["unit"]; u != "" {
		g.units = strings.Split(u, "|")
	}
	g.cur, g.date, g.ref = vals["cur"], vals["date"], vals["ref"]
	return g, nil
}

// matches reports whether the extracted fact f is the gold fact g: same
// kind, same value (date, reference, currency, range end) and overlapping
// spans. Units are scored apart.
func (g evalFact) matches(f hesabat.Fact) bool {
	if f.Kind != g.kind || f.End <= g.span.start || g.span.end <= f.Start {
		return false
	}
	switch {
	case g.date != "" && f.Date != g.date,
		g.ref != "" && f.Ref != g.ref,
		g.cur != "" && f.Currency != g.cur,
		g.value != nil && !sameValue(f.Value, g.value),
		g.end != nil && !sameValue(f.ValueEnd, g.end):
		return false
	}
	return true
}

func (g evalFact) unitOK(u string) bool {
	if len(g.units) == 0 {
		return true
	}
	for _, a := range g.units {
		if a == u {
			return true
		}
	}
	return false
}

// evalScore is the result of running Extract over the evaluation set.
type evalScore struct {
	gold, found, extracted, correct int
	units, unitsOK                  int
	mustNotHits                     int
	report                          []string
}

func scoreEval(set []evalSentence) evalScore {
	var sc evalScore
	for _, s := range set {
		fs := Extract(s.text)
		used := make([]bool, len(fs))
		for _, g := range s.gold {
			sc.gold++
			k := -1
			for i, f := range fs {
				if !used[i] && g.matches(f) {
					k = i
					break
				}
			}
			if k < 0 {
				sc.report = append(sc.report, fmt.Sprintf("line %d: missed %s «%s» in %q", g.line, g.kind, g.span.text, s.text))
				continue
			}
			used[k] = true
			sc.found++
			if g.kind == hesabat.Quantity && len(g.units) > 0 {
				sc.units++
				if g.unitOK(fs[k].Unit) {
					sc.unitsOK++
				} else {
					sc.report = append(sc.report, fmt.Sprintf("line %d: unit %q, want %s, in «%s»", g.line, fs[k].Unit, strings.Join(g.units, "|"), fs[k].Text))
				}
			}
		}
		for i, f := range fs {
			sc.extracted++
			if used[i] {
				sc.correct++
			} else {
				sc.report = append(sc.report, fmt.Sprintf("line %d: not in gold: %s", s.line, render(f)))
			}
			forbidden := f.Kind == hesabat.Quantity || f.Kind == hesabat.Percent || f.Kind == hesabat.Money || f.Kind == hesabat.Ordinal
			for _, mn := range s.mustNot {
				if forbidden && f.Start < mn.end && mn.start < f.End {
					sc.mustNotHits++
					sc.report = append(sc.report, fmt.Sprintf("line %d: must_not «%s» (%s) yields %s", s.line, mn.text, mn.why, render(f)))
				}
			}
		}
	}
	return sc
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestEval scores Extract on testdata/eval/sentences.txt, real sentences
// from public Azerbaijani pages with gold written by hand: recall over all
// gold facts, precision over all extracted facts (every kind), unit
// accuracy over the matched quantities whose gold names a unit, and
// must_not hits. It fails under recall 0.95, precision 0.97, units 0.95 or
// on any must_not hit. Run with -v to list every miss.
func TestEval(t *testing.T) {
	set := readEval(t, filepath.Join("testdata", "eval", "sentences.txt"))
	addrs := map[string]bool{}
	for _, s := range set {
		addrs[s.addr] = true
	}
	if len(set) < 150 {
		t.Fatalf("evaluation set has %d sentences, want at least 150", len(set))
	}
	sc := scoreEval(set)
	recall, precision, units := ratio(sc.found, sc.gold), ratio(sc.correct, sc.extracted), ratio(sc.unitsOK, sc.units)
	fmt.Printf("eval: %d sentences from %d pages; recall %.3f (%d/%d), precision %.3f (%d/%d), units %.3f (%d/%d), must_not hits %d\n",
		len(set), len(addrs), recall, sc.found, sc.gold, precision, sc.correct, sc.extracted, units, sc.unitsOK, sc.units, sc.mustNotHits)
	if testing.Verbose() {
		for _, r := range sc.report {
			t.Log(r)
		}
	}
	if recall < 0.95 || precision < 0.97 || units < 0.95 || sc.mustNotHits > 0 {
		t.Errorf("recall %.3f (want ≥ 0.95), precision %.3f (want ≥ 0.97), units %.3f (want ≥ 0.95), must_not hits %d (want 0); run with -v for the list",
			recall, precision, units, sc.mustNotHits)
	}
}
