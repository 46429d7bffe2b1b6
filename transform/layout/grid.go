package layout

import (
	"cmp"
	"math"
	"slices"

	"github.com/hesabat/hesabat"
)

// Rule merging tolerances, in points.
const (
	snapTol = 2.5 // rules this close across their axis are one rule
	joinTol = 3.0 // collinear pieces with gaps up to this are fused
)

// rule is a rule in the engine's working form: horizontal rules have
// y0 == y1; vertical ones x0 == x1.
type rule struct {
	x0, y0, x1, y1 float64
}

// mergeRules snaps and joins rules: parallel rules within snapTol of each
// other move to their mean position, and collinear pieces whose gap is at
// most joinTol fuse. It returns horizontal and vertical rules, each sorted
// by position then start.
func mergeRules(rules []hesabat.Rule) (hs, vs []rule) {
	for _, r := range rules {
		if r.Horizontal() {
			hs = append(hs, rule{r.X0, r.Y0, r.X1, r.Y1})
		} else {
			vs = append(vs, rule{r.Y0, r.X0, r.Y1, r.X1}) // transposed: position in y0
		}
	}
	hs = mergeAxis(hs)
	vs = mergeAxis(vs)
	for i, r := range vs {
		vs[i] = rule{r.y0, r.x0, r.y1, r.x1}
	}
	return hs, vs
}

// mergeAxis merges horizontal rules (position y0 == y1, extent x0..x1).
func mergeAxis(rs []rule) []rule {
	if len(rs) == 0 {
		return nil
	}
	slices.SortFunc(rs, func(a, b rule) int { return cmp.Compare(a.y0, b.y0) })
	// Snap: consecutive positions within snapTol form one cluster.
	for i := 0; i < len(rs); {
		j, sum := i+1, rs[i].y0
		for j < len(rs) && rs[j].y0-rs[j-1].y0 <= snapTol {
			sum += rs[j].y0
			j++
		}
		mean := sum / float64(j-i)
		for k := i; k < j; k++ {
			rs[k].y0, rs[k].y1 = mean, mean
		}
		i = j
	}
	slices.SortFunc(rs, func(a, b rule) int {
		if c := cmp.Compare(a.y0, b.y0); c != 0 {
			return c
		}
		return cmp.Compare(a.x0, b.x0)
	})
	out := []rule{rs[0]}
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.y0 == last.y0 && r.x0 <= last.x1+joinTol {
			last.x1 = fmax(last.x1, r.x1)
			continue
		}
		out = append(out, r)
	}
	return out
}

// grid is a table's layout on one page.
type grid struct {
	xs  []float64 // column boundaries left to right; len(xs)-1 columns
	ys  []float64 // row boundaries top to bottom (ruled tables only)
	vs  []rule    // merged vertical rules, to find merged cells
	top float64   // where the table starts on the page
	bot float64   // where it ends
	// closed is true when a horizontal rule closes the table at bot;
	// false when the table runs on (a row cut by the page break).
	closed bool
}

// ruledGrid finds a ruled table's grid among a page's rules: column
// boundaries are vertical rules covering at least half of the table's
// height, row boundaries horizontal rules spanning most of its width. It
// returns nil when fewer than two columns are ruled.
func ruledGrid(rules []hesabat.Rule) *grid {
	hs, vs := mergeRules(rules)
	if len(vs) < 3 {
		return nil
	}
	top, bot := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		top, bot = fmin(top, v.y0), fmax(bot, v.y1)
	}
	// Total ruled length at each x.
	var xs []float64
	for i := 0; i < len(vs); {
		j, length := i, 0.0
		for j < len(vs) && vs[j].x0 == vs[i].x0 {
			length += vs[j].y1 - vs[j].y0
			j++
		}
		if length >= 0.5*(bot-top) {
			xs = append(xs, vs[i].x0)
		}
		i = j
	}
	if len(xs) < 3 {
		return nil
	}
	g := &grid{xs: xs, vs: vs, top: math.Inf(1), bot: math.Inf(-1)}
	for _, v := range vs {
		if v.x0 >= xs[0] && v.x0 <= xs[len(xs)-1] {
			g.top, g.bot = fmin(g.top, v.y0), fmax(g.bot, v.y1)
		}
	}
	width := xs[len(xs)-1] - xs[0]
	g.ys = append(g.ys, g.top)
	for _, h := range hs {
		if h.x1-h.x0 >= 0.6*width && h.y0 > g.top+snapTol && h.y0 < g.bot-snapTol {
			g.ys = append(g.ys, h.y0)
		}
		if h.x1-h.x0 >= 0.6*width && math.Abs(h.y0-g.bot) <= snapTol {
			g.closed = true
		}
	}
	g.ys = append(g.ys, g.bot)
	return g
}

// ruledAt reports whether a vertical rule at boundary x covers the middle
// of the band y0..y1.
func (g *grid) ruledAt(x, y0, y1 float64) bool {
	m := (y0 + y1) / 2
	for _, v := range g.vs {
		if math.Abs(v.x0-x) <= snapTol && v.y0 <= m && v.y1 >= m {
			return true
		}
	}
	return false
}
