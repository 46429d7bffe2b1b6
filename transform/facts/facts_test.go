package facts

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// render writes a fact compactly for comparisons and messages:
//
//	quantity 11 unit=iclas «11 iclasında»
func render(f hesabat.Fact) string {
	var b strings.Builder
	b.WriteString(string(f.Kind))
	if f.Value != nil {
		b.WriteString(" " + strconv.FormatFloat(*f.Value, 'f', -1, 64))
	}
	if f.ValueEnd != nil {
		b.WriteString(".." + strconv.FormatFloat(*f.ValueEnd, 'f', -1, 64))
	}
	for _, kv := range [][2]string{{"unit", f.Unit}, {"cur", f.Currency}, {"date", f.Date}, {"ref", f.Ref}, {"q", f.Qualifier}} {
		if kv[1] != "" {
			b.WriteString(" " + kv[0] + "=" + kv[1])
		}
	}
	b.WriteString(" «" + f.Text + "»")
	return b.String()
}

// TestExtract checks Extract on sentences in the style of Azerbaijani news,
// ministry pages and statistics releases. want lists every fact, rendered
// by render; an empty want means no fact at all.
func TestExtract(t *testing.T) {
	for _, c := range extractCases {
		t.Run(c.name, func(t *testing.T) {
			fs := Extract(c.in)
			got := make([]string, len(fs))
			r := []rune(c.in)
			for i, f := range fs {
				got[i] = render(f)
				if string(r[f.Start:f.End]) != f.Text {
					t.Errorf("offsets %d:%d hold %q, Text is %q", f.Start, f.End, string(r[f.Start:f.End]), f.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Extract(%q)\ngot:\n\t%s\nwant:\n\t%s", c.in, strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

// TestForMeasure checks that the measure's own number is left out and
// everything else kept.
func TestForMeasure(t *testing.T) {
	for _, c := range []struct {
		name, number, text string
		want               []string
	}{
		{"own number as list marker", "4.1", "4.1. Hesabat ilində 25 seminar keçirilib.",
			[]string{"quantity 25 unit=seminar «25 seminar»"}},
		{"own number in text", "4.1", "Planın 4.1 bəndinə uyğun olaraq 25 seminar keçirilib.",
			[]string{"quantity 25 unit=seminar «25 seminar»"}},
		{"own number as a percentage", "4.1", "Göstərici 4.1 faiz artıb, 25 seminar keçirilib.",
			[]string{"quantity 25 unit=seminar «25 seminar»"}},
		{"another measure's number stays", "4.2", "Göstərici 4.1 faiz artıb, 25 seminar keçirilib.",
			[]string{"percent 4.1 «4.1 faiz»", "quantity 25 unit=seminar «25 seminar»"}},
		{"own number is not a prefix match", "4", "Komitənin 45 əməkdaşı təlimə cəlb edilib.",
			[]string{"quantity 45 unit=əməkdaş «45 əməkdaşı»"}},
		{"no facts", "1.1", "Tədbir icra edilmişdir.", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := hesabat.Measure{Number: c.number, WorkDone: c.text}
			ForMeasure(&m)
			var got []string
			for _, f := range m.Facts {
				got = append(got, render(f))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

// FuzzExtract checks that Extract never panics and that every fact's
// offsets hold its text, in order.
func FuzzExtract(f *testing.F) {
	for _, c := range extractCases {
		f.Add(c.in)
	}
	f.Add("saat 9-dan 18:00-dək 1 290,7 min ₼ %25 № 1/3 2020-2022-ci 01.12.2022- 3-")
	f.Fuzz(func(t *testing.T, s string) {
		r := []rune(s)
		prev := 0
		for _, fa := range Extract(s) {
			if fa.Start < prev || fa.End <= fa.Start || fa.End > len(r) {
				t.Fatalf("bad offsets %d:%d after %d in %q", fa.Start, fa.End, prev, s)
			}
			if string(r[fa.Start:fa.End]) != fa.Text {
				t.Fatalf("offsets %d:%d hold %q, Text is %q", fa.Start, fa.End, string(r[fa.Start:fa.End]), fa.Text)
			}
			prev = fa.End
		}
	})
}
