package load

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// TestAgencyKey: the spellings of one body that reports use fold to one
// key; different bodies keep different keys.
func TestAgencyKey(t *testing.T) {
	for _, group := range [][]string{
		{ // the three spellings of the seed variants, and more
			"Dövlət Statistika Komitəsi",
			"Azərbaycan Respublikası Dövlət Statistika Komitəsi",
			"DÖVLƏT STATİSTİKA KOMİTƏSİNİN",
			"Azərbaycan Respublikasının Dövlət Statistika Komitəsinin",
			"AR Dövlət Statistika Komitəsi",
			"Dövlət  Statistika  Komitəsi.",
		},
		{"Mərkəzi Bank", "Mərkəzi Bankın"},
		{"Dövlət Vergi Xidməti", "Azərbaycan Respublikasının İqtisadiyyat Nazirliyi yanında Dövlət Vergi Xidməti"},
		{"Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi", "Əmək və Əhalinin Sosial Müdafiəsi Nazirliyinin"},
	} {
		want := agencyKey(group[0])
		for _, name := range group[1:] {
			if got := agencyKey(name); got != want {
				t.Errorf("agencyKey(%q) = %q, want %q (as %q)", name, got, want, group[0])
			}
		}
	}
	if agencyKey("Dövlət Statistika Komitəsi") == agencyKey("Dövlət Gömrük Komitəsi") {
		t.Error("two committees fold to one key")
	}
}

// TestBuiltinAgencies: the committed list parses, every alias folds to a
// key of its own (no two bodies share one), and Open loads it.
func TestBuiltinAgencies(t *testing.T) {
	list, err := ParseAgencies(strings.NewReader(builtinAgencies))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) < 50 {
		t.Errorf("the built-in list holds %d bodies", len(list))
	}
	owner := make(map[string]string)
	for _, e := range list {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			k := agencyKey(a)
			if o, ok := owner[k]; ok && o != e.Name {
				t.Errorf("%q (of %q) folds to the key of %q", a, e.Name, o)
			}
			owner[k] = e.Name
		}
	}
	db := MustOpenDB(t)
	if n := queryInt(t, db, `SELECT count(*) FROM agencies WHERE known = 1`); n != len(list) {
		t.Errorf("%d known agencies after Open, want %d", n, len(list))
	}
	if n := queryInt(t, db, `SELECT count(*) FROM agency_aliases`); n != len(owner) {
		t.Errorf("%d aliases after Open, want %d", n, len(owner))
	}
}

// TestUnknownAgency: a body not in the list is stored as unknown, with a
// warning; adding it with an alias makes the reports under both names one
// agency, and their reports one report.
func TestUnknownAgency(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	a := idCase{name: "u.docx", format: hesabat.DOCX, agency: "Kosmik Agentlik", plan: testPlan, year: 2022, count: 3}
	b := idCase{name: "u.pdf", format: hesabat.PDF, agency: "Azərkosmos", plan: testPlan, year: 2022, count: 3}
	for _, c := range []idCase{a, b} {
		if _, err := db.SaveReport(ctx, c.report(t, dir)); err != nil {
			t.Fatal(err)
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM agencies WHERE known = 0`); n != 2 {
		t.Errorf("%d unknown agencies, want 2", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM report_warnings WHERE message LIKE '%not in the list of state bodies%'`); n != 2 {
		t.Errorf("%d unknown-agency warnings, want 2", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM current_reports`); n != 2 {
		t.Errorf("%d current reports before the alias, want 2", n)
	}
	err := db.AddAgencies(ctx, []AgencyEntry{{Name: "Kosmik Tədqiqatlar Agentliyi", Aliases: []string{"Kosmik Agentlik", "AZƏRKOSMOS"}}})
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.Agencies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if list[0].Name != "Kosmik Tədqiqatlar Agentliyi" || !list[0].Known || list[0].Reports != 1 {
		t.Errorf("first agency %+v, want the added one, known, with its one current report", list[0])
	}
	if n := queryInt(t, db, `SELECT count(*) FROM agencies WHERE known = 0`); n != 0 {
		t.Errorf("%d unknown agencies left, want 0", n)
	}
	if got := statuses(t, db); got["u.pdf"] != "source of u.docx" {
		t.Errorf("statuses %v, want u.pdf a source of u.docx", got)
	}
	// An alias of another known body is refused, and nothing is added.
	err = db.AddAgencies(ctx, []AgencyEntry{{Name: "Yeni Agentlik", Aliases: []string{"DSK"}}})
	if !errors.Is(err, ErrAliasTaken) {
		t.Errorf("alias of the Statistics Committee: %v, want ErrAliasTaken", err)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM agencies WHERE name = 'Yeni Agentlik'`); n != 0 {
		t.Error("a refused agency was added")
	}
	if _, err := ParseAgencies(strings.NewReader("\tno name\n")); err == nil {
		t.Error("a line without a name parsed")
	}
}
