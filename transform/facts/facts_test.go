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
