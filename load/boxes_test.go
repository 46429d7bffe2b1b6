package load

import (
	"context"
	"testing"

	"github.com/hesabat/hesabat"
)

// A measure's cell boxes are stored in their order, one row each, and go
// with the measure.
func TestSaveReportBoxes(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	r := sampleReport()
	r.Measures[0].Boxes = []hesabat.Box{
		{Page: 2, X0: 55, Y0: 140, X1: 75, Y1: 152},
		{Page: 2, X0: 155, Y0: 140.5, X1: 290.25, Y1: 166},
		{Page: 3, X0: 155, Y0: 80, X1: 270, Y1: 92},
	}
	if _, err := db.SaveReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	rows, err := db.db.Query(`SELECT b.position, b.page, b.x0, b.y0, b.x1, b.y1
		FROM measure_boxes AS b JOIN measures AS m ON m.id = b.measure_id
		WHERE m.position = 1 ORDER BY b.position`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []hesabat.Box
	for i := 1; rows.Next(); i++ {
		var pos int
		var b hesabat.Box
		if err := rows.Scan(&pos, &b.Page, &b.X0, &b.Y0, &b.X1, &b.Y1); err != nil {
			t.Fatal(err)
		}
		if pos != i {
			t.Errorf("box %d has position %d", i, pos)
		}
		got = append(got, b)
	}
	if len(got) != len(r.Measures[0].Boxes) {
		t.Fatalf("stored %v, want %v", got, r.Measures[0].Boxes)
	}
	for i := range got {
		if got[i] != r.Measures[0].Boxes[i] {
			t.Errorf("box %d = %v, want %v", i+1, got[i], r.Measures[0].Boxes[i])
		}
	}
	if n := queryInt(t, db, `SELECT count(*) FROM measure_boxes`); n != 3 {
		t.Errorf("%d boxes stored, want 3 (measures without boxes have none)", n)
	}
	if _, err := db.db.Exec(`DELETE FROM reports`); err != nil {
		t.Fatal(err)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM measure_boxes`); n != 0 {
		t.Errorf("%d boxes left after their report was deleted", n)
	}
}
