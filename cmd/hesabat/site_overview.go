package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hesabat/hesabat/transform/aztext"
)

// overviewData is the overview page.
type overviewData struct {
	Groups   []groupRow
	Total    groupRow
	Reports  []reportRow
	Heat     heatMap
	Plans    []planMap
	Units    []unitRow
	Failures []failureRow
	Silent   []string // known agencies without a current report
}

// groupRow is one agency, year and period with what was loaded for it.
type groupRow struct {
	Agency, Period           string
	Year                     sql.NullInt64
	Reports, Measures, Facts int
}

// reportRow is a current report in the overview's list.
type reportRow struct {
	ID                    int64
	Agency, Period, Title string
	Format, Path          string
	Year                  sql.NullInt64
	Measures, Facts       int
}

// unitRow is a unit counted in the facts.
type unitRow struct {
	Unit        string
	Occurrences int
	Total       sql.NullInt64
}

// failureRow is a failing file.
type failureRow struct {
	Path, Kind, Message, Hint, LastSeen string
	Page                                sql.NullInt64
	Attempts                            int
}

func (s *site) overview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var d overviewData
	var err error
	if d.Groups, d.Total, err = s.groups(ctx); err == nil {
		if d.Reports, err = s.currentReports(ctx); err == nil {
			if d.Heat, err = s.heatMap(ctx); err == nil {
				if d.Plans, err = s.planMaps(ctx); err == nil {
					if d.Units, err = s.units(ctx); err == nil {
						if d.Failures, err = s.failures(ctx); err == nil {
							d.Silent, err = s.silentAgencies(ctx)
						}
					}
				}
			}
		}
	}
	if err != nil {
		s.failErr(w, r, "overview", err)
		return
	}
	s.render(w, r, "overview", "Overview", d)
}

func (s *site) groups(ctx context.Context) ([]groupRow, groupRow, error) {
	var total groupRow
	gs, err := queryRows(ctx, s, `SELECT coalesce(agency, ''), year, coalesce(period, ''),
			count(*), coalesce(sum(measure_count), 0), coalesce(sum(fact_count), 0)
		FROM current_reports GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, nil,
		func(rs *sql.Rows) (groupRow, error) {
			var g groupRow
			err := rs.Scan(&g.Agency, &g.Year, &g.Period, &g.Reports, &g.Measures, &g.Facts)
			return g, err
		})
	for _, g := range gs {
		total.Reports += g.Reports
		total.Measures += g.Measures
		total.Facts += g.Facts
	}
	return gs, total, err
}

func (s *site) currentReports(ctx context.Context) ([]reportRow, error) {
	return queryRows(ctx, s, `SELECT report_id, coalesce(agency, ''), year, coalesce(period, ''),
			coalesce(title, ''), format, path, coalesce(measure_count, 0), coalesce(fact_count, 0)
		FROM current_reports ORDER BY agency, year, period, path`, nil,
		func(rs *sql.Rows) (reportRow, error) {
			var x reportRow
			err := rs.Scan(&x.ID, &x.Agency, &x.Year, &x.Period, &x.Title, &x.Format, &x.Path, &x.Measures, &x.Facts)
			return x, err
		})
}

// silentAgencies returns the known agencies (built in or added) that
// have no current report at all.
func (s *site) silentAgencies(ctx context.Context) ([]string, error) {
	return queryRows(ctx, s, `SELECT name FROM agencies WHERE known = 1 AND id NOT IN
			(SELECT agency_id FROM reports WHERE status = 'current' AND agency_id IS NOT NULL)
		ORDER BY name`, nil,
		func(rs *sql.Rows) (string, error) {
			var n string
			err := rs.Scan(&n)
			return n, err
		})
}

func (s *site) units(ctx context.Context) ([]unitRow, error) {
	return queryRows(ctx, s, `SELECT unit, count(*), sum(count) FROM current_facts
		WHERE kind = 'quantity' AND unit IS NOT NULL
		GROUP BY unit ORDER BY count(*) DESC, unit LIMIT 40`, nil,
		func(rs *sql.Rows) (unitRow, error) {
			var u unitRow
			err := rs.Scan(&u.Unit, &u.Occurrences, &u.Total)
			return u, err
		})
}

func (s *site) failures(ctx context.Context) ([]failureRow, error) {
	return queryRows(ctx, s, `SELECT path, kind, message, coalesce(hint, ''), page, last_seen, attempts
		FROM ingest_errors ORDER BY last_seen DESC, path`, nil,
		func(rs *sql.Rows) (failureRow, error) {
			var f failureRow
			err := rs.Scan(&f.Path, &f.Kind, &f.Message, &f.Hint, &f.Page, &f.LastSeen, &f.Attempts)
			return f, err
		})
}

// heatMap is the agency × year coverage grid, drawn as SVG.
type heatMap struct {
	Columns []heatLabel // years
	Rows    []heatLabel // agencies
	Cells   []heatCell
	Width   int
	Height  int
	Turned  bool // column labels turned to fit
}

// heatLabel is a column or row label of a heat map, at X, Y in the SVG.
type heatLabel struct {
	X, Y  int
	Text  string
	Title string // the full text, when Text is cut
}

// heatCell is one square of a heat map: X, Y its place in the SVG, Fill
// its colour, Label its tooltip, Href where a click goes ("" for none).
type heatCell struct {
	X, Y        int
	Fill, Label string
	Href        string
}

// Heat-map geometry in SVG units.
const (
	heatLabelW = 260 // agency names
	heatLabelH = 64  // report columns above a plan map, turned
	heatYearH  = 28  // years above the agency × year map
	heatCellW  = 46
	heatCellH  = 22
)

// heatMap reads the share of plan measures each agency reported per year
// from the coverage view. A year without a current report of the agency
// is grey: nothing to cover, or a missing report.
func (s *site) heatMap(ctx context.Context) (heatMap, error) {
	type cell struct {
		agency       string
		year         int64
		reported, of int
	}
	cells, err := queryRows(ctx, s, `SELECT coalesce(agency, '(agency unknown)'), year, sum(reported), count(*)
		FROM coverage WHERE year IS NOT NULL GROUP BY 1, 2`, nil,
		func(rs *sql.Rows) (cell, error) {
			var c cell
			err := rs.Scan(&c.agency, &c.year, &c.reported, &c.of)
			return c, err
		})
	if err != nil {
		return heatMap{}, err
	}
	var h heatMap
	var agencies []string
	var years []int64
	at := map[string]map[int64]cell{}
	for _, c := range cells {
		if at[c.agency] == nil {
			at[c.agency] = map[int64]cell{}
			agencies = append(agencies, c.agency)
		}
		at[c.agency][c.year] = c
		if !slices.Contains(years, c.year) {
			years = append(years, c.year)
		}
	}
	slices.Sort(agencies)
	slices.Sort(years)
	for j, y := range years {
		h.Columns = append(h.Columns, heatLabel{X: heatLabelW + j*heatCellW + heatCellW/2, Y: heatYearH - 8, Text: strconv.FormatInt(y, 10)})
	}
	for i, a := range agencies {
		h.Rows = append(h.Rows, heatLabel{X: heatLabelW - 6, Y: heatYearH + i*heatCellH + 15, Text: a})
		for j, y := range years {
			hc := heatCell{X: heatLabelW + j*heatCellW, Y: heatYearH + i*heatCellH, Fill: "#e5e5e5",
				Label: fmt.Sprintf("%s, %d: no report", a, y)}
			if c, ok := at[a][y]; ok {
				share := float64(c.reported) / float64(c.of)
				hc.Fill = shareColour(share)
				hc.Label = fmt.Sprintf("%s, %d: %d of %d plan measures reported (%.0f%%)", a, y, c.reported, c.of, 100*share)
			}
			h.Cells = append(h.Cells, hc)
		}
	}
	h.Width = heatLabelW + len(years)*heatCellW + 4
	h.Height = heatYearH + len(agencies)*heatCellH + 4
	return h, nil
}

// shareColour maps a share from 0 (red) to 1 (green) through amber.
func shareColour(share float64) string {
	share = min(max(share, 0), 1)
	// hue 0 (red) to 130 (green)
	return fmt.Sprintf("hsl(%.0f, 65%%, 48%%)", 130*share)
}

// planMap is one plan's measures × its current reports.
type planMap struct {
	Plan string
	heatMap
}

// coverageRow is one row of the coverage view.
type coverageRow struct {
	plan           int64
	planTitle      string
	pm             int64
	number, title  string
	agency, period string
	year           sql.NullInt64
	report         int64
	reported       bool
	measure        sql.NullInt64
}

// planMaps reads, per plan, which current report reported which plan
// measure (the coverage view): a row per plan measure in its number's
// order, a column per report in order of agency, year and period.
func (s *site) planMaps(ctx context.Context) ([]planMap, error) {
	rows, err := queryRows(ctx, s, `SELECT plan_id, coalesce(plan, ''), plan_measure_id,
			coalesce(plan_measure_number, ''), coalesce(plan_measure_title, ''),
			coalesce(agency, '(agency unknown)'), coalesce(period, ''), year, report_id, reported, measure_id
		FROM coverage ORDER BY plan_id, plan_measure_sort, plan_measure_number, plan_measure_id`, nil,
		func(rs *sql.Rows) (coverageRow, error) {
			var x coverageRow
			err := rs.Scan(&x.plan, &x.planTitle, &x.pm, &x.number, &x.title, &x.agency, &x.period, &x.year, &x.report, &x.reported, &x.measure)
			return x, err
		})
	if err != nil {
		return nil, err
	}
	var maps []planMap
	for len(rows) > 0 {
		n := 1
		for n < len(rows) && rows[n].plan == rows[0].plan {
			n++
		}
		maps = append(maps, planMapOf(rows[:n]))
		rows = rows[n:]
	}
	return maps, nil
}

// planMapOf draws the coverage rows of one plan.
func planMapOf(rows []coverageRow) planMap {
	m := planMap{Plan: rows[0].planTitle}
	m.Turned = true
	var reports []coverageRow // one row per report, for the columns
	row := map[int64]int{}
	for _, x := range rows {
		if _, ok := row[x.pm]; !ok {
			row[x.pm] = len(m.Rows)
			m.Rows = append(m.Rows, heatLabel{X: heatLabelW - 6, Y: heatLabelH + len(m.Rows)*heatCellH + 15,
				Text: shorten(x.number+" "+x.title, 40), Title: x.number + " " + x.title})
		}
		if !slices.ContainsFunc(reports, func(r coverageRow) bool { return r.report == x.report }) {
			reports = append(reports, x)
		}
	}
	slices.SortStableFunc(reports, func(a, b coverageRow) int {
		if a.agency != b.agency {
			return strings.Compare(a.agency, b.agency)
		}
		if a.year.Int64 != b.year.Int64 {
			return int(a.year.Int64 - b.year.Int64)
		}
		return strings.Compare(a.period, b.period)
	})
	col := map[int64]int{}
	for j, k := range reports {
		col[k.report] = j
		label := fmt.Sprintf("%s %s", initials(k.agency), yearText(k.year))
		if k.period != "" && k.period != "year" {
			label += " " + k.period
		}
		m.Columns = append(m.Columns, heatLabel{X: heatLabelW + j*heatCellW + heatCellW/2, Y: heatLabelH - 6, Text: label,
			Title: fmt.Sprintf("%s, %s %s", k.agency, yearText(k.year), k.period)})
	}
	for _, x := range rows {
		c := heatCell{X: heatLabelW + col[x.report]*heatCellW, Y: heatLabelH + row[x.pm]*heatCellH}
		what := fmt.Sprintf("%s %s — %s, %s", x.number, x.title, x.agency, yearText(x.year))
		if x.reported {
			c.Fill, c.Label = shareColour(1), what+": reported"
			if x.measure.Valid {
				c.Href = fmt.Sprintf("/measure/%d", x.measure.Int64)
			}
		} else {
			c.Fill, c.Label = shareColour(0), what+": not reported"
		}
		m.Cells = append(m.Cells, c)
	}
	m.Width = heatLabelW + len(reports)*heatCellW + 80 // room for the last turned label
	m.Height = heatLabelH + len(m.Rows)*heatCellH + 4
	return m
}

// initials shortens an agency's name to the first letters of its words
// ("Dövlət Statistika Komitəsi" → "DSK"), for a column of a heat map.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			b.WriteString(aztext.Upper(string(r)))
		}
	}
	return b.String()
}

// yearText writes a year, "?" when unknown.
func yearText(y sql.NullInt64) string {
	if !y.Valid {
		return "?"
	}
	return strconv.FormatInt(y.Int64, 10)
}
