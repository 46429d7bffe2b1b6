package facts

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const seedDir = "../../testdata/seed"

// seedMeasures returns the seed report's measures with WorkDone set to
// their paragraphs joined by "\n", as the pipeline produces it.
func seedMeasures(tb testing.TB) []hesabat.Measure {
	tb.Helper()
	var gold struct {
		Measures []struct {
			Number     string   `json:"number"`
			Paragraphs []string `json:"paragraphs"`
		} `json:"measures"`
	}
	readJSON(tb, filepath.Join(seedDir, "seed.gold.json"), &gold)
	ms := make([]hesabat.Measure, len(gold.Measures))
	for i, g := range gold.Measures {
		ms[i] = hesabat.Measure{Number: g.Number, Paragraphs: g.Paragraphs, WorkDone: strings.Join(g.Paragraphs, "\n")}
	}
	return ms
}

func readJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
}

// goldFact is one fact of seed.facts.gold.json.
type goldFact struct {
	Measure      string   `json:"measure"`
	Kind         string   `json:"kind"`
	Value        *float64 `json:"value"`
	ValueEnd     *float64 `json:"value_end"`
	ValueText    string   `json:"value_text"`
	ValueEndText string   `json:"value_end_text"`
	Unit         string   `json:"unit"`
	AltUnits     []string `json:"alt_units"`
	Currency     string   `json:"currency"`
	Date         string   `json:"date"`
	Ref          string   `json:"ref"`
	Text         string   `json:"text"`
}

// matches reports whether f is the gold fact g: the kind agrees, and the
// value (the date for dates, the reference for document numbers, the
// currency too for money, the clock times for time ranges); units compare
// as lemmas, any of alt_units accepted.
func (g goldFact) matches(f hesabat.Fact) bool {
	if string(f.Kind) != g.Kind {
		return false
	}
	switch f.Kind {
	case hesabat.Date:
		return f.Date == g.Date
	case hesabat.DocNumber:
		return f.Ref == g.Ref && g.unitOK(f.Unit)
	case hesabat.TimeRange:
		return sameValue(f.Value, clockMinutes(g.ValueText)) && sameValue(f.ValueEnd, clockMinutes(g.ValueEndText))
	case hesabat.Money:
		if f.Currency != g.Currency {
			return false
		}
	}
	if !sameValue(f.Value, g.Value) {
		return false
	}
	if g.ValueEnd != nil && !sameValue(f.ValueEnd, g.ValueEnd) {
		return false
	}
	return g.unitOK(f.Unit)
}

func (g goldFact) unitOK(u string) bool {
	if g.Unit == "" || u == g.Unit {
		return true
	}
	for _, a := range g.AltUnits {
		if u == a {
			return true
		}
	}
	return false
}

func sameValue(a, b *float64) bool {
	return a != nil && b != nil && *a == *b || a == nil && b == nil
}

// clockMinutes turns "09:00" into minutes since midnight.
func clockMinutes(s string) *float64 {
	var h, m int
	if _, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil {
		return nil
	}
	return ptr(float64(h*60 + m))
}

// precisionKinds are the kinds over which precision is measured.
var precisionKinds = map[hesabat.FactKind]bool{
	hesabat.Quantity: true, hesabat.Money: true, hesabat.Percent: true, hesabat.Ordinal: true, hesabat.DocNumber: true,
}

// TestSeedGold scores ForMeasure on the seed report against
// seed.facts.gold.json: recall over all gold facts, precision over the kinds
// in precisionKinds. It fails below recall 0.97 or precision 1.0, and when
// a must_not span yields a quantity, percent, money or ordinal.
func TestSeedGold(t *testing.T) {
	var gold struct {
		Facts   []goldFact `json:"facts"`
		MustNot []struct {
			Measure string `json:"measure"`
			Text    string `json:"text"`
			Why     string `json:"why"`
		} `json:"must_not"`
	}
	readJSON(t, filepath.Join(seedDir, "seed.facts.gold.json"), &gold)
	got := map[string][]hesabat.Fact{}
	text := map[string]string{}
	for _, m := range seedMeasures(t) {
		ForMeasure(&m)
		got[m.Number], text[m.Number] = m.Facts, m.WorkDone
	}

	used := map[string][]bool{}
	for n, fs := range got {
		used[n] = make([]bool, len(fs))
	}
	hit := 0
	for _, g := range gold.Facts {
		fs, ok := got[g.Measure]
		if !ok {
			t.Fatalf("gold fact for unknown measure %s", g.Measure)
		}
		found := false
		for k, f := range fs {
			if !used[g.Measure][k] && g.matches(f) {
				used[g.Measure][k], found = true, true
				break
			}
		}
		if found {
			hit++
		} else {
			t.Errorf("missed: measure %s %s %q", g.Measure, g.Kind, g.Text)
		}
	}
	extracted, correct := 0, 0
	for n, fs := range got {
		for k, f := range fs {
			if !precisionKinds[f.Kind] {
				continue
			}
			extracted++
			if used[n][k] {
				correct++
			} else {
				t.Errorf("not in gold: measure %s %s", n, render(f))
			}
		}
	}
	recall := float64(hit) / float64(len(gold.Facts))
	precision := 1.0
	if extracted > 0 {
		precision = float64(correct) / float64(extracted)
	}
	fmt.Printf("seed facts: recall %.3f (%d/%d), precision %.3f (%d/%d)\n", recall, hit, len(gold.Facts), precision, correct, extracted)
	if recall < 0.97 || precision < 1.0 {
		t.Errorf("recall %.3f (want ≥ 0.97), precision %.3f (want 1.0)", recall, precision)
	}

	for _, mn := range gold.MustNot {
		s := text[mn.Measure]
		b := strings.Index(s, mn.Text)
		if b < 0 {
			t.Errorf("must_not span %q not in measure %s", mn.Text, mn.Measure)
			continue
		}
		start := len([]rune(s[:b]))
		end := start + len([]rune(mn.Text))
		for _, f := range got[mn.Measure] {
			forbidden := f.Kind == hesabat.Quantity || f.Kind == hesabat.Percent || f.Kind == hesabat.Money || f.Kind == hesabat.Ordinal
			if forbidden && f.Start < end && start < f.End {
				t.Errorf("must_not %q (%s) yields %s", mn.Text, mn.Why, render(f))
			}
		}
	}
}

// TestSeedGolden compares the facts of every seed measure with
// testdata/seed.facts.json; run with -update to rewrite it.
func TestSeedGolden(t *testing.T) {
	type out struct {
		Number string         `json:"number"`
		Facts  []hesabat.Fact `json:"facts"`
	}
	var all []out
	for _, m := range seedMeasures(t) {
		ForMeasure(&m)
		for _, f := range m.Facts {
			if r := []rune(m.WorkDone); string(r[f.Start:f.End]) != f.Text {
				t.Errorf("measure %s: offsets %d:%d do not hold %q", m.Number, f.Start, f.End, f.Text)
			}
		}
		all = append(all, out{m.Number, m.Facts})
	}
	b, err := json.MarshalIndent(all, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", "seed.facts.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("facts differ from %s; run go test -update and review the diff", path)
	}
}

// BenchmarkExtract measures Extract over the seed report's work-done text.
// The baseline finds the digit runs in the same text with a regexp, the
// least a number finder does; report Extract as a ratio to it.
func BenchmarkExtract(b *testing.B) {
	var texts []string
	size := 0
	for _, m := range seedMeasures(b) {
		texts = append(texts, m.WorkDone)
		size += len(m.WorkDone)
	}
	digits := regexp.MustCompile(`[0-9]+`)
	for _, bc := range []struct {
		name string
		f    func(string)
	}{
		{"extract", func(s string) { Extract(s) }},
		{"baseline-digits", func(s string) { digits.FindAllStringIndex(s, -1) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range texts {
					bc.f(s)
				}
			}
		})
	}
}
