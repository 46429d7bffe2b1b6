package layout

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestColumnRightsOnce holds ruledRows, which reuses the column edges
// tableRights found for the page (pageLines.own), to ruledRows finding
// them anew over all its table's lines, on random ruled pages: words
// crossing column rules, lines running on under an open table (which
// own does not cover), and lines with a NaN middle. It also holds the
// rule the reuse rests on: columnRights of two sets of lines together is
// widest of each's.
func TestColumnRightsOnce(t *testing.T) {
	rnd := rand.New(rand.NewPCG(31, 32))
	texts := []string{"icra", "müddəti", "2022-ci", "və", "tədbirlər", "hazırlanmışdır.", "1.2", "Davam"}
	differ := 0
	for range 400 {
		xs := []float64{20}
		for range 1 + rnd.IntN(4) {
			xs = append(xs, xs[len(xs)-1]+40+float64(rnd.IntN(120)))
		}
		top, bot := 100.0, 100.0+float64(40+rnd.IntN(200))
		ys := []float64{top}
		for ys[len(ys)-1]+30 < bot {
			ys = append(ys, ys[len(ys)-1]+20+float64(rnd.IntN(40)))
		}
		ys[len(ys)-1] = bot
		g := &grid{xs: xs, ys: ys, top: top, bot: bot, closed: rnd.IntN(2) == 0}
		for _, x := range xs {
			g.vs = append(g.vs, rule{x0: x, y0: top, x1: x, y1: bot})
		}
		var lines []tline
		for y := 80.0; y < bot+40; y += 12 {
			var ws []hesabat.Word
			x := 22 + float64(rnd.IntN(30))
			for range 1 + rnd.IntN(6) {
				w := 10 + float64(rnd.IntN(40))
				ws = append(ws, hesabat.Word{Text: texts[rnd.IntN(len(texts))], X0: x, X1: x + w, Y0: y, Y1: y + 10})
				x += w + 2 + float64(rnd.IntN(3)*15)
			}
			if rnd.IntN(30) == 0 {
				ws[0].Y0 = math.NaN() // a line whose middle is NaN
			}
			lines = append(lines, newLine(ws))
		}
		pl := &pageLines{n: 1, w: 600, h: 800, lines: lines, grid: g}
		tableRights([]*pageLines{pl}, nil)
		if pl.own == nil {
			t.Fatal("tableRights set no own on a ruled page")
		}
		anew := *pl
		anew.own = nil
		got, want := ruledRows(pl, lexicon{}), ruledRows(&anew, lexicon{})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("ruledRows reusing own %+v, anew %+v", got, want)
		}
		// The rule: split the lines in two anywhere.
		k := rnd.IntN(len(lines) + 1)
		whole := columnRights(lines, xs)
		if parts := widest(columnRights(lines[:k], xs), columnRights(lines[k:], xs)); !sameBits(parts, whole) {
			t.Fatalf("columnRights in parts %v, whole %v", parts, whole)
		}
		if !sameBits(pl.own, whole) {
			differ++ // own leaves out lines: the reuse matters
		}
	}
	if differ == 0 {
		t.Error("own always covered every line: the run-on and NaN lines were not tried")
	}
}

// sameBits reports whether a and b hold the same float64s bit for bit.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// TestNewLineBase holds newLine's base, which a line whose words all
// share one base (to the bit) takes without sorting, to the rule it
// replaces (the median of the sorted bases, of two the higher on the
// page), bit for bit, on lines whose words share a base, nearly do, or
// mix NaN and both zeros.
func TestNewLineBase(t *testing.T) {
	rule := func(ws []hesabat.Word) float64 {
		bs := make([]float64, len(ws))
		for i, w := range ws {
			bs[i] = w.Y1
			if w.Base != 0 {
				bs[i] = w.Base
			}
		}
		slices.Sort(bs)
		return bs[(len(bs)-1)/2]
	}
	values := []float64{10, 10, 10, 10.5, 9, math.NaN(), math.Copysign(0, -1), 0}
	rnd := rand.New(rand.NewPCG(61, 62))
	same := 0
	for range 20000 {
		n := 1 + rnd.IntN(40)
		ws := make([]hesabat.Word, n)
		spread := rnd.IntN(4) // 0: one base for all; 3: only zeros of either sign
		pool := values
		if spread == 3 {
			pool = values[len(values)-2:]
		}
		for i := range ws {
			ws[i] = hesabat.Word{Text: "a", X0: float64(i), X1: float64(i) + 0.5, Y0: 0, Y1: 12}
			switch v := pool[rnd.IntN(len(pool))]; {
			case spread > 0 && rnd.IntN(2) == 0:
				ws[i].Base = v
			case spread > 0:
				ws[i].Y1 = v // no base: the box's bottom stands for it
				if spread == 3 {
					ws[i].Base = 0
				}
			default:
				ws[i].Base = 10
			}
		}
		if spread == 0 {
			same++
		}
		if got, want := newLine(ws).base, rule(ws); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("newLine base %v, the sorted median %v, of %+v", got, want, ws)
		}
	}
	if same == 0 {
		t.Error("no line with one base")
	}
}

// TestCoverage holds coverage, which marks each word's span at its ends,
// to the rule it replaces (every point of every span counted), on random
// lines of words, some narrower than a point, some ending on whole points.
func TestCoverage(t *testing.T) {
	rnd := rand.New(rand.NewPCG(71, 72))
	for range 2000 {
		var lines []tline
		for range 1 + rnd.IntN(6) {
			var ws []hesabat.Word
			x := float64(rnd.IntN(40)) + rnd.Float64()
			for range 1 + rnd.IntN(6) {
				w := float64(rnd.IntN(30))
				if rnd.IntN(3) > 0 {
					w += rnd.Float64()
				}
				ws = append(ws, hesabat.Word{Text: "a", X0: x, X1: x + w, Y0: 0, Y1: 10})
				x += w + float64(rnd.IntN(8))
			}
			lines = append(lines, newLine(ws))
		}
		minX, maxX := math.Inf(1), math.Inf(-1)
		for _, l := range lines {
			minX, maxX = fmin(minX, l.x0), fmax(maxX, l.x1)
		}
		lo := int(math.Floor(minX))
		n := int(math.Ceil(maxX)) - lo + 1
		want := make([]int, n)
		for _, l := range lines {
			for _, w := range l.ws {
				for x := int(math.Ceil(w.X0)) - lo; x <= int(math.Floor(w.X1))-lo; x++ {
					want[x]++
				}
			}
		}
		if got := coverage(lines, lo, n); !slices.Equal(got, want) {
			t.Fatalf("coverage %v, counted %v", got, want)
		}
	}
}

// TestColumnRightsSearch holds columnRights, whose search for a word's
// column starts at the column of the word before it when the word's
// middle is no further left, to the search from the first boundary, on
// random lines with overlapping words, NaN positions, and boundaries out
// of order or NaN.
func TestColumnRightsSearch(t *testing.T) {
	rule := func(ls []tline, xs []float64) []float64 {
		right := slices.Clone(xs[:len(xs)-1])
		for i := range ls {
			for _, w := range ls[i].words() {
				m := (w.X0 + w.X1) / 2
				c := 0
				for c < len(xs) && !(xs[c] >= m) {
					c++
				}
				if c--; c >= 0 && c < len(right) && (c+1 == len(right) || w.X1 <= xs[c+1]+1) {
					right[c] = fmax(right[c], w.X1)
				}
			}
		}
		return right
	}
	rnd := rand.New(rand.NewPCG(81, 82))
	for range 5000 {
		xs := []float64{float64(rnd.IntN(50))}
		for range 1 + rnd.IntN(5) {
			xs = append(xs, xs[len(xs)-1]+float64(rnd.IntN(100)))
		}
		switch rnd.IntN(6) {
		case 0:
			rnd.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
		case 1:
			xs[rnd.IntN(len(xs))] = math.NaN()
		}
		var ls []tline
		for range 1 + rnd.IntN(4) {
			var ws []hesabat.Word
			x := float64(rnd.IntN(60))
			for range 1 + rnd.IntN(8) {
				w := hesabat.Word{Text: "a", X0: x, X1: x + float64(rnd.IntN(80)), Y1: 10}
				if rnd.IntN(20) == 0 {
					w.X1 = math.NaN()
				}
				ws = append(ws, w)
				x += float64(rnd.IntN(60)) - 10 // words may overlap
			}
			ls = append(ls, tline{ws: ws})
		}
		if got, want := columnRights(ls, xs), rule(ls, xs); !sameBits(got, want) {
			t.Fatalf("columnRights %v, searched from the start %v (xs %v)", got, want, xs)
		}
	}
}

// TestJoinExpandedEven holds joinExpanded, which returns a line whose
// gaps are all within half a point of each other at once, to the rule it
// replaces (each gap against the median), on random lines with even
// gaps, justified gaps with narrow ones, NaN and tiny line heights.
func TestJoinExpandedEven(t *testing.T) {
	rule := func(l tline) tline {
		n := len(l.ws)
		if n < 5 {
			return l
		}
		var gaps []float64
		for i := 1; i < n; i++ {
			gaps = append(gaps, l.ws[i].X0-l.ws[i-1].X1)
		}
		sorted := slices.Clone(gaps)
		slices.Sort(sorted)
		m := sorted[len(gaps)/2]
		h := math.Inf(1)
		for _, w := range l.ws {
			h = fmin(h, w.Y1-w.Y0)
		}
		var narrow []int
		for i, g := range gaps {
			switch d := m - g; {
			case math.Abs(d) <= 0.5:
			case d >= 0.15*h && d <= 0.35*h && g > 0:
				narrow = append(narrow, i)
			default:
				return l
			}
		}
		if len(narrow) == 0 || n-1-len(narrow) < 3 || m < 0.35*h {
			return l
		}
		ws := slices.Clone(l.ws)
		for k := len(narrow) - 1; k >= 0; k-- {
			i := narrow[k]
			ws[i] = joinWords(ws[i], ws[i+1])
			ws = slices.Delete(ws, i+1, i+2)
		}
		out := newLine(ws)
		out.pitch = l.pitch
		return out
	}
	rnd := rand.New(rand.NewPCG(91, 92))
	joined := 0
	for range 20000 {
		h := []float64{10, 12, 2}[rnd.IntN(3)]
		space := 3 + float64(rnd.IntN(4))
		var ws []hesabat.Word
		x := 0.0
		for range 1 + rnd.IntN(10) {
			w := hesabat.Word{Text: "ab", X0: x, X1: x + 20, Y0: 0, Y1: h}
			ws = append(ws, w)
			switch rnd.IntN(8) {
			case 0:
				x = w.X1 + space - 0.25*h // narrow by a space
			case 1:
				x = w.X1 + space + rnd.Float64() // uneven
			case 2:
				if rnd.IntN(10) == 0 {
					x = math.NaN()
					continue
				}
				fallthrough
			default:
				x = w.X1 + space + 0.4*rnd.Float64() // even, within half a point
			}
		}
		l := newLine(ws)
		got, want := joinExpanded(l), rule(l)
		if fmt.Sprintf("%v", got) != fmt.Sprintf("%v", want) {
			t.Fatalf("joinExpanded %v, the rule %v", got, want)
		}
		if len(got.ws) < len(l.ws) {
			joined++
		}
	}
	if joined == 0 {
		t.Error("no line joined: the narrow gaps were not tried")
	}
}
