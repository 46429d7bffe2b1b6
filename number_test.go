package hesabat

import "testing"

func TestMeasureNumber(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"4.1", "4.1", true},
		{"4.1.", "4.1", true},
		{"4.1)", "4.1", true},
		{"1)", "1", true},
		{"12", "12", true},
		{" 3.3 ", "3.3", true},
		{"12.3.4", "12.3.4", true},
		{"100.10", "100.10", true},
		{"2022", "", false},    // a year
		{"4.1.2.3", "", false}, // four levels: a version or an address
		{"4..1", "", false},    // empty group
		{"4.1..", "", false},   // two closing marks
		{"4.01", "", false},    // leading zero: a date or code
		{"0", "", false},       // no measure is numbered 0
		{"01.12", "", false},   // a date
		{"4.1a", "", false},    // letters
		{"", "", false},        //
		{".", "", false},       //
		{"IV.", "", false},     // a Roman section number
		{"4,1", "", false},     // a decimal number
		{"1/3", "", false},     // a document number
		{"4.1.)", "", false},   // two marks
		{"١", "", false},       // only ASCII digits
	} {
		got, ok := MeasureNumber(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("MeasureNumber(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestColumnNumbers(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want bool
	}{
		{[]string{"1", "2", "3", "4"}, true},
		{[]string{"1", "", "2"}, true},
		{[]string{"1", "2"}, true},
		{[]string{"1"}, false},
		{[]string{"2", "3"}, false},
		{[]string{"1", "3"}, false},
		{[]string{"1", "2", "x"}, false},
		{[]string{"1.", "2."}, false},
		{[]string{"+1", "2"}, false},
		{nil, false},
	} {
		if got := ColumnNumbers(c.in); got != c.want {
			t.Errorf("ColumnNumbers(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
