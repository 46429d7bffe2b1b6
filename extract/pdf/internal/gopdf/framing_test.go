package gopdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hesabat/hesabat/extract/pdf/internal/pdftest"
)

// streamPDF is a one-page PDF whose content stream object (4) is written
// as stream, everything between "4 0 obj" and "endobj", and more objects
// from 6 on, with a correct cross-reference table.
func streamPDF(stream string, more ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		stream,
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return pdftest.File(append(objs, more...)...)
}

// TestFramed reads pages whose content stream is framed in the ways
// PDFium (CPDF_SyntaxParser::ReadStream) and pdfcpu read alike, which the
// Go reader reads, and in the ways they read apart, which it declines.
func TestFramed(t *testing.T) {
	const text = "BT /F1 12 Tf 72 700 Td (Hesabat) Tj ET"
	n := len(text)
	for _, c := range []struct {
		name, stream string
		decline      string // "" for a page read as text
		more         []string
	}{
		{"LF", fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", n, text), "", nil},
		{"CRLF", fmt.Sprintf("<< /Length %d >>\nstream\r\n%s\r\nendstream", n, text), "", nil},
		{"spaces before the end of line", fmt.Sprintf("<< /Length %d >>\nstream  \n%s\nendstream", n, text), "", nil},
		{"no /Length", fmt.Sprintf("<< >>\nstream\n%s\nendstream", text), "", nil},
		{"/Length in another object", fmt.Sprintf("<< /Length 6 0 R >>\nstream\n%sendstream", text), "", []string{fmt.Sprint(n)}},
		// PDFium takes /Length bytes when endstream follows them, with or
		// without white space.
		{"/Length, endstream run on", fmt.Sprintf("<< /Length %d >>\nstream\n%sendstreamendobj", n, text), "", nil},
		// PDFium starts the data on the next line; pdfcpu right after
		// the keyword.
		{"no end of line after stream", fmt.Sprintf("<< /Length %d >>\nstream %s\nendstream", n, text), "no end of line after the stream keyword", nil},
		// Without /Length PDFium looks for endstream or endobj as words.
		{"no /Length, endstream run on", fmt.Sprintf("<< >>\nstream\n%sendstream", text), "not ended by endstream as a word", nil},
		{"no /Length, endobj in the data", "<< >>\nstream\nBT /F1 12 Tf 72 700 Td (a endobj b) Tj ET\nendstream", "not ended by endstream as a word", nil},
		// PDFium does not take a /Length that endstream does not follow.
		{"/Length too long", fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", n+5, text), "not followed by endstream", nil},
		{"/Length too short", fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", n-3, text), "not followed by endstream", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Open(streamPDF(c.stream, c.more...))
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			p, err := d.Page(0)
			if c.decline != "" {
				if _, ok := err.(*Decline); !ok || !strings.Contains(err.Error(), c.decline) {
					t.Errorf("got %v, want a decline: %s", err, c.decline)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []rune
			for i := range p.Chars() {
				if r, _, _, ok := p.Char(i); ok {
					got = append(got, r)
				}
			}
			if string(got) != "Hesabat" {
				t.Errorf("text %q", string(got))
			}
		})
	}
}

// TestContentsNotStream: a page whose /Contents refers to an object that
// is no stream fails with an error naming what the object is, not the
// reference to it.
func TestContentsNotStream(t *testing.T) {
	d, err := Open(streamPDF("<< /Length 0 >>"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	_, err = d.Page(0)
	if want := "/Contents is a types.Dict, not a stream"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

// TestRunIn checks runInRef on object texts, and that a page whose object
// holds "/Contents 4 0 R0" (PDFium: the number 4, so no content) or
// whose font's object holds such a reference is declined.
func TestRunIn(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"3 0 obj\n<< /Contents 4 0 R0 >>\nendobj", true},
		{"3 0 obj<</Kids[3 0 Rx]>>endobj", true},
		{"3 0 obj\n<< /Contents 4 0 R /Parent 2 0 R>>\nendobj", false},
		{"3 0 obj [4 0 R]\nendobj", false},
		{"3 0 obj << /A (4 0 R0) /B <4 0 R0> /C /R0 % 4 0 R0\n /D 1 R0 /E 1.5 0 R0 >>\nendobj", false},
		{"3 0 obj << /A (a (b) \\) 4 0 R0) >> endobj", false},
		{"3 0 obj << /A 4 0 R >> endobj 4 0 obj << /B 5 0 R0 >> endobj", false},
		{"3 0 obj << /Length 5 >> stream\n4 0 R0\nendstream endobj", false},
		{"3 0 obj << /A 4 0 R >> 4 0 obj << /B 5 0 R0 >> endobj", false},
	} {
		if got := runInRef([]byte(c.text)); got != c.want {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
	const text = "BT /F1 12 Tf 72 700 Td (Hesabat) Tj ET"
	plain := streamPDF(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(text), text))
	for _, c := range []struct{ name, old, new, want string }{
		{"page", "/Contents 4 0 R >>", "/Contents 4 0 R0>>", "object 3 holds a reference keyword R"},
		{"font", "/Type /Font /Subtype", "/A 6 0 R0   /Subtype", "object 5 holds a reference keyword R"},
	} {
		data := bytes.Replace(plain, []byte(c.old), []byte(c.new), 1)
		if len(data) != len(plain) || bytes.Equal(data, plain) {
			t.Fatalf("%s: nothing replaced, or the offsets moved", c.name)
		}
		d, err := Open(data)
		if err != nil {
			t.Fatal(err)
		}
		_, err = d.Page(0)
		if _, ok := err.(*Decline); !ok || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want a decline: %s", c.name, err, c.want)
		}
		d.Close()
	}
}
