package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/hesabat/hesabat/load"
)

// queryRows runs query with args and scans each row with scan.
func queryRows[T any](ctx context.Context, s *site, query string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rs, err := s.db.SQL().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []T
	for rs.Next() {
		x, err := scan(rs)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rs.Err()
}

// storedFile is a stored file as its pages show it.
type storedFile struct {
	ID                                   int64
	Path, Format, SHA256, Title, Agency  string
	Period, Plan, Status, Identity       string
	IngestedAt, DocumentDate             string
	Year, Pages, CurrentID, RulesVersion sql.NullInt64
	TextShare                            sql.NullFloat64
	TextRead, TextLost                   sql.NullInt64
}

// readFileRow reads stored file id, errNotFound when there is none.
func (s *site) readFileRow(ctx context.Context, id int64) (*storedFile, error) {
	var f storedFile
	err := s.db.SQL().QueryRowContext(ctx, `SELECT r.id, r.path, r.format, r.sha256, coalesce(r.title, ''),
			coalesce(a.name, r.agency, ''), coalesce(r.period, ''), coalesce(p.title, r.plan_title, ''),
			r.status, coalesce(r.identity, ''), r.ingested_at, coalesce(r.document_date, ''),
			r.year, r.page_count, r.current_id, r.rules_version, r.text_share, r.text_read, r.text_lost
		FROM reports AS r
		LEFT JOIN agencies AS a ON a.id = r.agency_id
		LEFT JOIN plans AS p ON p.id = r.plan_id
		WHERE r.id = ?`, id).Scan(&f.ID, &f.Path, &f.Format, &f.SHA256, &f.Title, &f.Agency, &f.Period, &f.Plan,
		&f.Status, &f.Identity, &f.IngestedAt, &f.DocumentDate,
		&f.Year, &f.Pages, &f.CurrentID, &f.RulesVersion, &f.TextShare, &f.TextRead, &f.TextLost)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotFound
	}
	return &f, err
}

// reportData is the report page.
type reportData struct {
	File     *storedFile
	Sources  []sourceRow
	Warnings []warningRow
	Measures []measureRow
}

type sourceRow struct {
	ID                   int64
	Path, Format, Status string
	Self                 bool
}

type warningRow struct {
	Kind, Message, Text string
	Page                sql.NullInt64
}

type measureRow struct {
	ID                         int64
	Number, Title, Term, Pages string
	Facts                      int
}

func (s *site) report(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r, "id", "report")
	if !ok {
		return
	}
	ctx := r.Context()
	var d reportData
	var err error
	if d.File, err = s.readFileRow(ctx, id); err != nil {
		s.failErr(w, r, "report", err)
		return
	}
	d.Sources, err = queryRows(ctx, s, `SELECT report_id, path, format, status FROM report_sources
		WHERE identity = ? ORDER BY status = 'current' DESC, format, path`, []any{d.File.Identity},
		func(rs *sql.Rows) (sourceRow, error) {
			var x sourceRow
			err := rs.Scan(&x.ID, &x.Path, &x.Format, &x.Status)
			x.Self = x.ID == id
			return x, err
		})
	if err == nil {
		d.Warnings, err = queryRows(ctx, s, `SELECT coalesce(kind, ''), message, coalesce(text, ''), page
			FROM report_warnings WHERE report_id = ? ORDER BY position`, []any{id},
			func(rs *sql.Rows) (warningRow, error) {
				var x warningRow
				err := rs.Scan(&x.Kind, &x.Message, &x.Text, &x.Page)
				return x, err
			})
	}
	if err == nil {
		d.Measures, err = queryRows(ctx, s, `SELECT m.id, coalesce(m.number, ''), coalesce(m.title, ''),
				coalesce(m.term_raw, ''), m.page_first, m.page_last,
				(SELECT count(*) FROM facts AS f WHERE f.measure_id = m.id)
			FROM measures AS m WHERE m.report_id = ? ORDER BY m.position`, []any{id},
			func(rs *sql.Rows) (measureRow, error) {
				var x measureRow
				var p0, p1 int
				err := rs.Scan(&x.ID, &x.Number, &x.Title, &x.Term, &p0, &p1, &x.Facts)
				x.Pages = pageRange(p0, p1)
				return x, err
			})
	}
	if err != nil {
		s.failErr(w, r, "report", err)
		return
	}
	s.render(w, r, "report", reportTitle(d.File), d)
}

// pageRange writes "3" or "3–5".
func pageRange(first, last int) string {
	if first == last {
		return strconv.Itoa(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// reportTitle names a stored file for a page title: agency and year, or
// its path.
func reportTitle(f *storedFile) string {
	if f.Agency != "" && f.Year.Valid {
		return fmt.Sprintf("%s %d (%s)", f.Agency, f.Year.Int64, f.Format)
	}
	return f.Path
}

// searchData is the search page.
type searchData struct {
	Query, Agency, Year string
	Hits                []searchHit
	Searched            bool
	Error               string
}

type searchHit struct {
	MeasureID      int64
	Agency, Number string
	Title          string
	Year           string
	Snippet        []snippetPart
}

// snippetPart is a piece of a snippet, marked when it matches the query.
type snippetPart struct {
	Text string
	Mark bool
}

// Markers that cannot occur in stored text (normalisation removes control
// characters), put around the matches by snippet and split on here.
const markOpen, markShut = "\x01", "\x02"

func (s *site) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := searchData{Query: q.Get("q"), Agency: q.Get("agency"), Year: q.Get("year")}
	if strings.TrimSpace(d.Query) != "" {
		d.Searched = true
		year := 0
		if d.Year != "" {
			y, err := strconv.Atoi(d.Year)
			if err != nil || y < 1 {
				s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("year %q: give a year such as 2022", d.Year))
				return
			}
			year = y
		}
		hits, err := s.db.Search(r.Context(), load.Query{Text: d.Query, Agency: d.Agency, Year: year, Limit: 100})
		if err != nil {
			s.failErr(w, r, "search", err)
			return
		}
		terms := load.ParseQuery(d.Query)
		for _, h := range hits {
			sh := searchHit{MeasureID: h.MeasureID, Agency: h.Agency, Number: h.Number, Title: h.Title, Year: "?"}
			if h.Year != nil {
				sh.Year = strconv.Itoa(*h.Year)
			}
			sh.Snippet = markedParts(snippet(h, terms, markOpen, markShut))
			d.Hits = append(d.Hits, sh)
		}
	}
	title := "Search"
	if d.Searched {
		title = "Search: " + d.Query
	}
	s.render(w, r, "search", title, d)
}

// markedParts splits text at the markers into parts.
func markedParts(text string) []snippetPart {
	var parts []snippetPart
	for text != "" {
		i := strings.Index(text, markOpen)
		if i < 0 {
			parts = append(parts, snippetPart{Text: text})
			break
		}
		if i > 0 {
			parts = append(parts, snippetPart{Text: text[:i]})
		}
		text = text[i+len(markOpen):]
		j := strings.Index(text, markShut)
		if j < 0 {
			j = len(text)
		}
		parts = append(parts, snippetPart{Text: text[:j], Mark: true})
		text = strings.TrimPrefix(text[j:], markShut)
	}
	return parts
}

// factData is the fact page: the units, or one unit's occurrences.
type factData struct {
	Unit   string
	Units  []unitRow
	Groups []factGroup
	Total  factTotal // over whole-year reports only
}

// factGroup is a unit's occurrences in one agency's reports for one year
// and period, with their sum.
type factGroup struct {
	Agency, Year, Period string
	Facts                []factRow
	Total                factTotal
}

// factTotal sums counts (whole quantities) and amounts (money by
// currency, fractional quantities) apart.
type factTotal struct {
	Count   int64
	Counted int
	Amounts []amount
}

type amount struct {
	Value    float64
	Currency string
}

func (t *factTotal) add(f factRow) {
	if f.Count.Valid {
		t.Count += f.Count.Int64
		t.Counted++
	}
	if f.Amount.Valid && f.Kind != "percent" {
		for i := range t.Amounts {
			if t.Amounts[i].Currency == f.Currency {
				t.Amounts[i].Value += f.Amount.Float64
				return
			}
		}
		t.Amounts = append(t.Amounts, amount{f.Amount.Float64, f.Currency})
	}
}

type factRow struct {
	ID, MeasureID              int64
	Number, MeasureTitle, Kind string
	Span, Currency             string
	Count                      sql.NullInt64
	Amount                     sql.NullFloat64
}

func (s *site) fact(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d := factData{Unit: r.URL.Query().Get("unit")}
	var err error
	if d.Unit == "" {
		if d.Units, err = queryRows(ctx, s, `SELECT unit, count(*), sum(count) FROM current_facts
			WHERE unit IS NOT NULL GROUP BY unit ORDER BY count(*) DESC, unit`, nil,
			func(rs *sql.Rows) (unitRow, error) {
				var u unitRow
				err := rs.Scan(&u.Unit, &u.Occurrences, &u.Total)
				return u, err
			}); err != nil {
			s.failErr(w, r, "unit", err)
			return
		}
		s.render(w, r, "fact", "Facts", d)
		return
	}
	type row struct {
		agency, period string
		year           sql.NullInt64
		f              factRow
	}
	rows, err := queryRows(ctx, s, `SELECT coalesce(agency, '(agency unknown)'), year, coalesce(period, ''),
			fact_id, measure_id, coalesce(number, ''), coalesce(measure_title, ''), kind, span_text,
			coalesce(currency, ''), count, amount
		FROM current_facts WHERE unit = ?
		ORDER BY agency, year, period, number_sort, fact_id`, []any{d.Unit},
		func(rs *sql.Rows) (row, error) {
			var x row
			err := rs.Scan(&x.agency, &x.year, &x.period, &x.f.ID, &x.f.MeasureID, &x.f.Number, &x.f.MeasureTitle,
				&x.f.Kind, &x.f.Span, &x.f.Currency, &x.f.Count, &x.f.Amount)
			return x, err
		})
	if err != nil {
		s.failErr(w, r, "unit", err)
		return
	}
	if len(rows) == 0 {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no fact counts %q in the current reports", d.Unit))
		return
	}
	for _, x := range rows {
		y := yearText(x.year)
		if n := len(d.Groups); n == 0 || d.Groups[n-1].Agency != x.agency || d.Groups[n-1].Year != y || d.Groups[n-1].Period != x.period {
			d.Groups = append(d.Groups, factGroup{Agency: x.agency, Year: y, Period: x.period})
		}
		g := &d.Groups[len(d.Groups)-1]
		g.Facts = append(g.Facts, x.f)
		g.Total.add(x.f)
		if x.period == "" || x.period == "year" {
			d.Total.add(x.f) // a half year is part of its year: never summed with it
		}
	}
	s.render(w, r, "fact", d.Unit, d)
}
