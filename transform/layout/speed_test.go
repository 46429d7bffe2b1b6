package layout

import (
	"cmp"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/hesabat/hesabat"
	"github.com/hesabat/hesabat/transform/aztext"
)

// TestNth checks the quickselect against a sort, on runs with many equal
// values (line heights) and on spread ones (gaps between words).
func TestNth(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 300; n += 7 {
		for _, spread := range []int{3, 1000} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = float64(rnd.IntN(spread)) - float64(spread)/4
			}
			sorted := slices.Clone(xs)
			slices.Sort(sorted)
			for _, k := range []int{0, n / 4, n / 2, n - 1} {
				if got := nth(slices.Clone(xs), k); got != sorted[k] {
					t.Fatalf("n %d spread %d: nth(%d) = %v, want %v", n, spread, k, got, sorted[k])
				}
			}
		}
	}
}

// TestSortKeys checks the quicksort of word keys against a stable sort,
// with many equal keys (words of one line), NaN, -0 and -Inf: floatKey
// must order floats as cmp.Compare does.
func TestSortKeys(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 400; n += 13 {
		ks, fs := make([]wordKey, n), make([][2]float64, n)
		for i := range ks {
			fs[i] = [2]float64{float64(rnd.IntN(n/4+1)) - float64(n/8), float64(rnd.IntN(5))}
			switch rnd.IntN(50) {
			case 0:
				fs[i][0] = math.NaN()
			case 1:
				fs[i][0] = math.Copysign(0, -1)
			case 2:
				fs[i][0] = math.Inf(-1)
			}
			ks[i] = wordKey{floatKey(fs[i][0]), floatKey(fs[i][1]), i}
		}
		want := slices.Clone(ks)
		slices.SortStableFunc(want, func(a, b wordKey) int {
			if c := cmp.Compare(fs[a.i][0], fs[b.i][0]); c != 0 {
				return c
			}
			return cmp.Compare(fs[a.i][1], fs[b.i][1])
		})
		sortKeys(ks)
		for i := range ks {
			if ks[i].i != want[i].i {
				t.Fatalf("n %d: at %d key %d, want %d", n, i, ks[i].i, want[i].i)
			}
		}
	}
}

// TestLowerWord checks trimWord's shortcut: the words it passes are those
// the full rule leaves as they are.
func TestLowerWord(t *testing.T) {
	for _, s := range []string{"", "icra", "müddəti", "ışığı", "çöküş", "2022", "a1", "İcra", "ICRA",
		"icra,", "(icra)", "İcra,", "Ölçü", "I", "İ", "Ə.", "Aa", "ABŞ", "A\xc9", "\xc9ab", "«müddəti»", "2022-ci", "—", "..", "a.b", "(İcra)", "«", "qeyri-hökumət", "Ə", "é", "ä", "\xc9", "ab\xc4", "ж"} {
		slow := aztext.Lower(strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if lowerWord(s) && slow != s {
			t.Errorf("lowerWord(%q) but trimWord's rule gives %q", s, slow)
		}
		if got := trimWord(s); got != slow {
			t.Errorf("trimWord(%q) = %q, want %q", s, got, slow)
		}
	}
	for _, s := range []string{"icra", "müddəti", "ışığı", "çöküş", "2022", "a1"} {
		if !lowerWord(s) {
			t.Errorf("lowerWord(%q) = false", s)
		}
	}
}

// TestHead checks that hesabat.JoinSep reads a line's head as its text.
func TestHead(t *testing.T) {
	words := []string{"", "i", "a", "ə", "İcra", "və", ".", ",", ")", "-", "–", "2022", "\xc9", "x\xc9"}
	for _, a := range []string{"", "söz", "2020-", "2020 -", "qeyri-", "a", "-"} {
		for _, w1 := range words {
			for _, w2 := range append(words, "-") {
				for n := 1; n <= 2; n++ {
					l := tline{ws: []hesabat.Word{{Text: w1}, {Text: w2}}[:n]}
					if got, want := hesabat.JoinSep(a, l.head()), hesabat.JoinSep(a, l.text()); got != want {
						t.Fatalf("%q + %q: JoinSep of head %q, of text %q", a, l.text(), got, want)
					}
				}
			}
		}
	}
}

// TestMinMax checks fmin and fmax against math.Min and math.Max, which
// they replace, on the values where floats differ: NaN, signed zeros and
// infinities.
func TestMinMax(t *testing.T) {
	vs := []float64{math.NaN(), math.Inf(-1), -1, math.Copysign(0, -1), 0, 0.5, math.Inf(1)}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for _, a := range vs {
		for _, b := range vs {
			if got, want := fmin(a, b), math.Min(a, b); !same(got, want) {
				t.Errorf("fmin(%v, %v) = %v, math.Min %v", a, b, got, want)
			}
			if got, want := fmax(a, b), math.Max(a, b); !same(got, want) {
				t.Errorf("fmax(%v, %v) = %v, math.Max %v", a, b, got, want)
			}
		}
	}
}

// TestLexiconSeen checks that the lexicon built with seen (each text as
// read trimmed once) is the one built without it, over pages that repeat
// words as read, capitalised, hyphenated and punctuated, and a ruled one.
func TestLexiconSeen(t *testing.T) {
	texts := strings.Fields("İcra müddəti, icra İCRA qeyri-hökumət Qeyri-hökumət (icra) 2022-ci il “Bakı” bakı və və. Və ILIN ılın")
	rnd := rand.New(rand.NewPCG(7, 8))
	var pls []*pageLines
	for p := range 3 {
		var lines []tline
		for y := range 20 {
			var ws []hesabat.Word
			x := 10.0
			for range 3 + rnd.IntN(6) {
				ws = append(ws, hesabat.Word{Text: texts[rnd.IntN(len(texts))], X0: x, X1: x + 20, Y0: float64(12 * y), Y1: float64(12*y + 10)})
				x += 22 + float64(rnd.IntN(2)*30)
			}
			lines = append(lines, newLine(ws))
		}
		pl := &pageLines{lines: lines}
		if p == 1 {
			pl.grid = &grid{xs: []float64{0, 80, 400}, top: 0, bot: 500}
		}
		pls = append(pls, pl)
	}
	with, without, seen := lexicon{}, lexicon{}, map[string]string{}
	for _, pl := range pls {
		with.addPage(pl, seen)
		without.addPage(pl, nil)
	}
	if !maps.Equal(with, without) {
		t.Errorf("with seen %v, without %v", with, without)
	}
	if len(without) < 5 {
		t.Errorf("lexicon %v: too few words to tell", without)
	}
}

// TestSortLeftToRight checks sortLeftToRight, which returns at once for a
// line already in order, against a stable sort by X0 (cmp.Compare), on
// lines in order, nearly in order and not, with NaN, -0 and equal X0.
func TestSortLeftToRight(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 10))
	for n := 1; n < 80; n++ {
		for _, shuffle := range []int{0, 1, n} {
			ws := make([]hesabat.Word, n)
			for i := range ws {
				ws[i] = hesabat.Word{Text: string(rune('a' + i%26)), X0: float64(i / 2)}
				switch rnd.IntN(40) {
				case 0:
					ws[i].X0 = math.NaN()
				case 1:
					ws[i].X0 = math.Copysign(0, -1)
				}
			}
			for range shuffle {
				i, j := rnd.IntN(n), rnd.IntN(n)
				ws[i], ws[j] = ws[j], ws[i]
			}
			want := slices.Clone(ws)
			slices.SortStableFunc(want, func(a, b hesabat.Word) int { return cmp.Compare(a.X0, b.X0) })
			sortLeftToRight(ws, make([]wordKey, rnd.IntN(2*n)))
			for i := range ws {
				if ws[i].Text != want[i].Text || math.Float64bits(ws[i].X0) != math.Float64bits(want[i].X0) {
					t.Fatalf("n %d, %d swaps: word %d is %q at %v, want %q at %v", n, shuffle, i, ws[i].Text, ws[i].X0, want[i].Text, want[i].X0)
				}
			}
		}
	}
}

// TestNthNaN checks nth, whose partition compares with < and > and asks
// cmp.Compare only when a NaN is involved, against cmp.Compare at every
// step, bit for bit, on values with NaN, both zeros and many ties: the
// same moves give the same value, down to a zero's sign.
func TestNthNaN(t *testing.T) {
	old := func(xs []float64, k int) float64 { // nth as it was, cmp.Compare throughout
		lo, hi := 0, len(xs)-1
		for hi-lo >= 12 {
			a, b, c := xs[lo], xs[lo+(hi-lo)/2], xs[hi]
			if cmp.Less(b, a) {
				a, b = b, a
			}
			if cmp.Less(c, b) {
				b = c
				if cmp.Less(b, a) {
					b = a
				}
			}
			lt, i, gt := lo, lo, hi
			for i <= gt {
				switch c := cmp.Compare(xs[i], b); {
				case c < 0:
					xs[lt], xs[i] = xs[i], xs[lt]
					lt++
					i++
				case c > 0:
					xs[i], xs[gt] = xs[gt], xs[i]
					gt--
				default:
					i++
				}
			}
			switch {
			case k < lt:
				hi = lt - 1
			case k > gt:
				lo = gt + 1
			default:
				return xs[k]
			}
		}
		slices.Sort(xs[lo : hi+1])
		return xs[k]
	}
	vals := []float64{math.NaN(), math.Copysign(0, -1), 0, 1, -1, 2, math.Inf(1), math.Inf(-1), 0.5}
	rnd := rand.New(rand.NewPCG(15, 16))
	for range 3000 {
		xs := make([]float64, 1+rnd.IntN(60))
		for i := range xs {
			xs[i] = vals[rnd.IntN(len(vals))]
		}
		k := rnd.IntN(len(xs))
		a, b := slices.Clone(xs), slices.Clone(xs)
		got, want := nth(a, k), old(b, k)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) || !slices.EqualFunc(a, b, func(x, y float64) bool {
			return math.Float64bits(x) == math.Float64bits(y) || math.IsNaN(x) && math.IsNaN(y)
		}) {
			t.Fatalf("nth(%v, %d) = %v, want %v", xs, k, got, want)
		}
	}
}

// TestLexiconPairs checks addWords, which carries a word's trimmed form
// to the pair with the next word and looks pairs up in a reused buffer,
// against the rule it replaces (each pair's words trimmed and joined
// anew), on random lines whose gaps leave words out, with and without
// seen, and bound against a scan of the pairs.
func TestLexiconPairs(t *testing.T) {
	oldAdd := func(lx lexicon, ws []hesabat.Word, gap float64) {
		for i := 1; i+1 < len(ws); i++ {
			if ws[i].X0-ws[i-1].X1 > gap || ws[i+1].X0-ws[i].X1 > gap {
				continue
			}
			w := trimWord(ws[i].Text)
			if w == "" {
				continue
			}
			if p := trimWord(ws[i-1].Text); p != "" && !lx[p+" "+w] {
				lx.pair(p+" "+w, w)
			}
			lx[w] = true
			if strings.Contains(w, "-") {
				for _, part := range strings.Split(w, "-") {
					if part != "" {
						lx[part] = true
					}
				}
			}
		}
	}
	texts := strings.Fields("İcra müddəti, icra İCRA qeyri-hökumət Qeyri-hökumət (icra) 2022-ci il “Bakı” bakı və və. Və ILIN ılın - ,")
	texts = append(texts, strings.Repeat("uzunsözlərinkiləri", 4))
	rnd := rand.New(rand.NewPCG(17, 18))
	want, got, gotSeen, seen := lexicon{}, lexicon{}, lexicon{}, map[string]string{}
	for range 500 {
		var ws []hesabat.Word
		x := 0.0
		for range rnd.IntN(9) {
			ws = append(ws, hesabat.Word{Text: texts[rnd.IntN(len(texts))], X0: x, X1: x + 20, Y1: 10})
			x += 22 + float64(rnd.IntN(4)*10) // some gaps wider than the line: words left out
		}
		oldAdd(want, ws, 25)
		got.addWords(ws, 25, nil)
		gotSeen.addWords(ws, 25, seen)
	}
	if !maps.Equal(got, want) || !maps.Equal(gotSeen, want) {
		t.Errorf("addWords %v, with seen %v, want %v", got, gotSeen, want)
	}
	// bound, which reads the counts pair keeps, against a scan of the
	// pairs: b follows one word only, and that is not a.
	scan := func(lx lexicon, b, a string) bool {
		before := ""
		for k := range lx {
			if p, w, ok := strings.Cut(k, " "); ok && p != "" && w == b {
				if before != "" && p != before {
					return false
				}
				before = p
			}
		}
		return before != "" && before != a
	}
	// The random lines give every word many words before it; lines
	// where "ya" follows "və" only give a bound word too.
	bound := lexicon{}
	for _, line := range []string{"bu və ya o", "poçt və ya rabitə və", "ya da"} {
		var ws []hesabat.Word
		for i, f := range strings.Fields(line) {
			ws = append(ws, hesabat.Word{Text: f, X0: float64(22 * i), X1: float64(22*i + 20), Y1: 10})
		}
		bound.addWords(ws, 25, nil)
	}
	bounds := 0
	for _, lx := range []lexicon{want, bound} {
		for _, b := range slices.Concat(texts, []string{"ya", "və"}) {
			for _, a := range slices.Concat(texts, []string{"telekommunikasi", "bu", "və"}) {
				got, want := lx.bound(b, a), scan(lx, trimWord(b), trimWord(a))
				if got != want {
					t.Errorf("bound(%q, %q) = %v, scan %v", b, a, got, want)
				}
				if got {
					bounds++
				}
			}
		}
	}
	if bounds == 0 {
		t.Error("no word bound: the test tells nothing")
	}
}
