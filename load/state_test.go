package load

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hesabat/hesabat"
)

// TestUpgradeIngestState writes a database with the first schema only
// (0001), as hesabat did before failures and rules were kept, then opens it
// with every migration: repeated failures of one content fold into one row
// counting the attempts, failures of files stored since are gone, and
// reports stored before are taken as made by older rules, so a new save
// replaces them.
func TestUpgradeIngestState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ctx := context.Background()
	{
		dsn, err := dataSourceName(path)
		if err != nil {
			t.Fatal(err)
		}
		sqlDB, err := sql.Open("sqlite3", dsn)
		if err != nil {
			t.Fatal(err)
		}
		init, err := fs.ReadFile(migrations, "migrations/0001_init.sql")
		if err != nil {
			t.Fatal(err)
		}
		old := &DB{db: sqlDB, Now: time.Now}
		if err := old.migrate(ctx, fstest.MapFS{"0001_init.sql": {Data: init}}); err != nil {
			t.Fatal(err)
		}
		r := sampleReport()
		for _, q := range []struct {
			query string
			args  []any
		}{
			{`INSERT INTO reports (path, format, sha256, pages, ingested_at) VALUES (?, 'docx', ?, 7, '2024-01-01T00:00:00.000Z')`,
				[]any{r.Source, r.SHA256}},
			// broken.pdf failed three nights running, the last with another message.
			{`INSERT INTO ingest_errors (path, sha256, kind, message, occurred_at) VALUES
				('in/broken.pdf', ?, 'corrupt', 'corrupt: old', '2024-01-01T02:00:00.000Z'),
				('in/broken.pdf', ?, 'corrupt', 'corrupt: old', '2024-01-02T02:00:00.000Z'),
				('in/broken.pdf', ?, 'corrupt', 'corrupt: newest', '2024-01-03T02:00:00.000Z')`,
				[]any{hash("broken"), hash("broken"), hash("broken")}},
			// the sample report failed once before it was stored.
			{`INSERT INTO ingest_errors (path, sha256, kind, message, occurred_at) VALUES (?, ?, 'time limit exceeded', 'x', '2023-12-31T00:00:00.000Z')`,
				[]any{r.Source, r.SHA256}},
			// an unreadable file, twice.
			{`INSERT INTO ingest_errors (path, kind, message, occurred_at) VALUES
				('in/locked.txt', 'error', 'open: permission denied', '2024-01-01T02:00:00.000Z'),
				('in/locked.txt', 'error', 'open: permission denied', '2024-01-02T02:00:00.000Z')`, nil},
		} {
			if _, err := sqlDB.Exec(q.query, q.args...); err != nil {
				t.Fatalf("%s: %v", q.query, err)
			}
		}
		sqlDB.Close()
	}

	db := mustOpenPath(t, path)
	fails, err := db.Failures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(fails) != 2 {
		t.Fatalf("after the upgrade, failures = %+v; want broken.pdf and locked.txt", fails)
	}
	b, l := fails[0], fails[1]
	day := func(d int) time.Time { return time.Date(2024, 1, d, 2, 0, 0, 0, time.UTC) }
	if b.Path != "in/broken.pdf" || b.SHA256 != hash("broken") || b.Message != "corrupt: newest" || b.Attempts != 3 ||
		!b.First.Equal(day(1)) || !b.Last.Equal(day(3)) || b.RulesVersion != 0 || b.Capabilities != "" {
		t.Errorf("broken.pdf folded into %+v", b)
	}
	if l.Path != "in/locked.txt" || l.SHA256 != "" || l.Attempts != 2 || !l.Last.Equal(day(2)) {
		t.Errorf("locked.txt folded into %+v", l)
	}
	if !b.Stale(hesabat.RulesVersion, "") {
		t.Error("a failure recorded before rules were kept is not stale")
	}

	r := sampleReport()
	st, err := db.State(ctx, r.SHA256)
	if err != nil || !st.Stored || st.RulesVersion != 0 || st.Failure != nil {
		t.Fatalf("State of the old report = %+v, %v; want stored by rules 0, no failure", st, err)
	}
	if saved, err := db.SaveReport(ctx, r); err != nil || !saved {
		t.Fatalf("SaveReport over a report of older rules = %v, %v; want it replaced", saved, err)
	}
	st, _ = db.State(ctx, r.SHA256)
	if c := mustCounts(t, db); c.Reports != 1 || c.Measures != len(r.Measures) || st.RulesVersion != hesabat.RulesVersion {
		t.Errorf("after the replacement: counts %+v, state %+v", c, st)
	}
	if saved, err := db.SaveReport(ctx, r); err != nil || saved {
		t.Errorf("SaveReport again = %v, %v; want nothing done", saved, err)
	}
}

// TestFailureState follows one failing content over several runs.
func TestFailureState(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	sha := hash("bad")
	bad := hesabat.Errorf("a/bad.docx", hesabat.ErrCorrupt, "download it again", "zip: not a valid zip file")
	prior, err := db.SaveError(ctx, "a/bad.docx", sha, bad, "docx pdf txt")
	if err != nil || prior != nil {
		t.Fatalf("first SaveError = %v, %v", prior, err)
	}
	st, err := db.State(ctx, sha)
	if err != nil || st.Stored || st.Failure == nil {
		t.Fatalf("State = %+v, %v", st, err)
	}
	f := st.Failure
	if f.Kind != "corrupt" || f.Hint != "download it again" || f.Attempts != 1 || f.RulesVersion != hesabat.RulesVersion {
		t.Errorf("recorded %+v", f)
	}
	for _, tc := range []struct {
		rules int
		caps  string
		stale bool
	}{
		{hesabat.RulesVersion, "docx pdf txt", false},
		{hesabat.RulesVersion, "txt pdf", false},
		{hesabat.RulesVersion + 1, "docx pdf txt", true},
		{hesabat.RulesVersion, "docx ocr pdf txt", true},
	} {
		if got := f.Stale(tc.rules, tc.caps); got != tc.stale {
			t.Errorf("Stale(%d, %q) = %v, want %v", tc.rules, tc.caps, got, tc.stale)
		}
	}

	// Seen again, moved, not read: only the path and last seen change.
	db.Now = func() time.Time { return time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC) }
	if err := db.SeenFailing(ctx, f.ID, "b/bad.docx"); err != nil {
		t.Fatal(err)
	}
	// Read again (say, with --retry-failed) and failed again.
	prior, err = db.SaveError(ctx, "b/bad.docx", sha, bad, "docx pdf txt")
	if err != nil || prior == nil || prior.Path != "b/bad.docx" {
		t.Fatalf("second SaveError = %+v, %v; want the failure seen at b/bad.docx", prior, err)
	}
	fails, _ := db.Failures(ctx)
	if len(fails) != 1 || fails[0].Attempts != 2 || fails[0].First.Day() != 1 || fails[0].Last.Day() != 2 {
		t.Errorf("failures = %+v; want one, 2 attempts, first seen on the 1st, last on the 2nd", fails)
	}

	// An unreadable file has no content: its row is per path.
	denied := errors.New("open: permission denied")
	for range 2 {
		if _, err := db.SaveError(ctx, "c/locked.txt", "", denied, "txt"); err != nil {
			t.Fatal(err)
		}
	}
	u, err := db.UnreadFailure(ctx, "c/locked.txt")
	if err != nil || u == nil || u.Attempts != 2 || u.Message != denied.Error() {
		t.Errorf("UnreadFailure = %+v, %v", u, err)
	}
	if err := db.Resolve(ctx, "c/locked.txt", hash("now readable")); err != nil {
		t.Fatal(err)
	}
	if c := mustCounts(t, db); c.Errors != 1 {
		t.Errorf("after resolving locked.txt, %d failures; want bad.docx alone", c.Errors)
	}
}

func TestStats(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	r := sampleReport()
	if _, err := db.SaveReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	groups, err := db.Stats(ctx)
	if err != nil || len(groups) != 1 {
		t.Fatalf("Stats = %+v, %v", groups, err)
	}
	g := groups[0]
	facts := 0
	for _, m := range r.Measures {
		facts += len(m.Facts)
	}
	if g.Agency != r.Agency || !g.Known || g.Year != *r.Year || g.Reports != 1 || g.Measures != len(r.Measures) || g.Facts != facts || g.Warnings != len(r.Warnings) {
		t.Errorf("Stats = %+v", g)
	}

	// The same report as PDF is one report; an agency not in the list is
	// listed as unknown.
	pdf := sampleReport()
	pdf.Format, pdf.Source, pdf.SHA256 = hesabat.PDF, "reports/ədliyyə 2021.pdf", hash("sample pdf")
	other := sampleReport()
	other.Agency, other.Source, other.SHA256 = "Kosmik Agentlik", "reports/kosmos.docx", hash("kosmos")
	for _, r := range []*hesabat.Report{pdf, other} {
		if _, err := db.SaveReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	groups, err = db.Stats(ctx)
	if err != nil || len(groups) != 2 {
		t.Fatalf("Stats = %+v, %v", groups, err)
	}
	if g := groups[0]; g.Agency != "Kosmik Agentlik" || g.Known || g.Reports != 1 {
		t.Errorf("first group %+v, want the unknown agency with 1 report", g)
	}
	if g := groups[1]; g.Agency != r.Agency || !g.Known || g.Reports != 1 || g.Measures != len(r.Measures) {
		t.Errorf("second group %+v, want the known agency with 1 report, its PDF not counted", g)
	}
}
