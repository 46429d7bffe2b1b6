package gopdf

import (
	"slices"
	"strconv"
	"testing"
)

// TestLexer reads operands of every kind and skips inline image data.
func TestLexer(t *testing.T) {
	l := lexer{s: []byte(`% comment
BT /F#201 12 Tf (a\(b\)\101\
c) Tj <48 65 6C6> Tj [(x) -250.5 <79>] TJ -.5 +3 Tw
/Span <</ActualText (fi) /MCID 3 /N [1 [2]]>> BDC EMC
BI /W 2 /H 1 ID ` + "\x00EI\xffEI" + ` EI ET`)}
	var got []string
	err := l.each(func(op []byte, args []operand) error {
		s := string(op) + ":"
		for _, a := range args {
			switch a.k {
			case kNum:
				s += " " + strconv.FormatFloat(a.num, 'g', -1, 64)
			case kStr, kName:
				s += " " + string(a.b)
			case kArr:
				s += " [" + strconv.Itoa(len(a.arr)) + "]"
			case kDict:
				s += " <<" + string(a.b) + ">>"
			}
		}
		got = append(got, s)
		return nil
	})
	if err != nil {
		t.Fatalf("at %d: %v", l.pos, err)
	}
	want := []string{"BT:", "Tf: F 1 12", "Tj: a(b)Ac", "Tj: Hel`", "TJ: [3]", "Tw: -0.5 3", "BDC: Span <<fi>>", "EMC:", "BI:", "ID: W 2 H 1", "ET:"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens\n%q\nwant\n%q", got, want)
	}
}

// TestToUnicode parses bfchar and both forms of bfrange, with a
// multi-character target and the last unit incremented along a range.
func TestToUnicode(t *testing.T) {
	cmap := []byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0010> <00660069> endbfchar
2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<018F> <0259>] endbfrange
endcmap`)
	f := &font{toUni: map[uint32][]rune{}}
	if err := parseToUnicode(f, cmap); err != nil {
		t.Fatal(err)
	}
	want := map[uint32]string{3: " ", 0x10: "fi", 0x20: "A", 0x21: "B", 0x22: "C", 0x30: "Ə", 0x31: "ə"}
	for c, s := range want {
		if got := string(f.toUni[c]); got != s {
			t.Errorf("code %#x: %q, want %q", c, got, s)
		}
	}
	if len(f.toUni) != len(want) {
		t.Errorf("%d codes mapped, want %d", len(f.toUni), len(want))
	}
	if c, ok := f.codeOf(' '); !ok || c != 3 {
		t.Errorf("code of space %d %v", c, ok)
	}
}

// TestGlyphRune maps glyph names of /Differences.
func TestGlyphRune(t *testing.T) {
	for name, want := range map[string]rune{"a": 'a', "uni0259": 'ə', "u1E9E": 'ẞ', "schwa": 'ə', "Idotaccent": 'İ', "a.sc": 'a', "g123": 0, "": 0} {
		if got := glyphRune(name); got != want {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
}

// TestHex checks hex strings, through plainHex's one pass and the general
// loop: bytes, the position after the string, and errors.
func TestHex(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
		pos  int // after the string; -1 for a syntax error
	}{
		{"<> x", "", 2},
		{"<4142>x", "AB", 6},
		{"<4a4B>", "JK", 6},
		{"<414>", "A@", 5},
		{"<41 42\n>", "AB", 8},
		{"<4G>", "", -1},
		{"<4142", "", -1},
		{"<41>>", "A", 4},
	} {
		l := lexer{s: []byte(c.in), buf: []byte("kept")}
		got, err := l.hex()
		switch {
		case c.pos < 0 && err == nil:
			t.Errorf("%q: no error", c.in)
		case c.pos >= 0 && (err != nil || string(got) != c.want || l.pos != c.pos):
			t.Errorf("%q: got %q, pos %d, %v; want %q, pos %d", c.in, got, l.pos, err, c.want, c.pos)
		case string(l.buf[:4]) != "kept":
			t.Errorf("%q: the buffer's earlier bytes changed: %q", c.in, l.buf)
		}
	}
}
