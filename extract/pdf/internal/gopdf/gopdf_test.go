package gopdf

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
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

// TestNumber checks that number, which reads the usual forms itself,
// reads every form as parseNum reads the whole token (up to white space
// or a delimiter), and that a token with bytes other than digits, signs
// and points, which PDFium reads as an operator, is a syntax error.
func TestNumber(t *testing.T) {
	for _, tok := range []string{"0", "12", "-3", "+4", ".5", "-.25", "6.", "-7.125", "1234567.891",
		"+", "-", ".", "--5", "5-", "1.2.3", "-0", "1-2", "3..4", "+-1", "0.000001", "1+2", "5+",
		"-250", "999999999999999", "-99999999999999", "9999999999999999", "12345678901234567890"} {
		for _, end := range []string{"", " ", "]", "<"} {
			l := lexer{s: []byte(tok + end)}
			got, err := l.number()
			want := parseNum([]byte(tok))
			if err != nil || math.Float64bits(got) != math.Float64bits(want) || l.pos != len(tok) {
				t.Errorf("%q: %v at %d (%v), want %v at %d", tok+end, got, l.pos, err, want, len(tok))
			}
		}
	}
	for _, tok := range []string{"12Tf", "1Tf(0)", "100Td", "-5x", "1.5e3"} {
		l := lexer{s: []byte(tok)}
		if got, err := l.number(); err != errSyntax {
			t.Errorf("%q: %v (%v), want a syntax error", tok, got, err)
		}
	}
}

// TestMalformedTokens checks that the lexer rejects, as a syntax error
// (the page is declined), the tokens PDFium splits other than as PDF
// 32000-1 7.2.2 does: a number run into other regular bytes, which PDFium
// reads as one unknown operator, and 0x80 or 0xFF outside a string, which
// PDFium reads as white space. Each stream lexes cleanly with the bytes
// apart; in a string or a comment the odd bytes are no syntax error.
// (TestRawRedo holds arrays read raw before TJ to the lexer's reading.)
func TestMalformedTokens(t *testing.T) {
	lex := func(content string) error {
		l := lexer{s: []byte(content)}
		for {
			_, ok, err := l.op()
			if err != nil || !ok {
				return err
			}
		}
	}
	for _, c := range []struct{ bad, good string }{
		{"/F1 12Tf", "/F1 12 Tf"},
		{"100 100Td", "100 100 Td"},
		{"[(a) 5x (b)] TJ", "[(a) 5 x (b)] TJ"},
		{"<< /MCID 0x >> BDC", "<< /MCID 0 >> BDC"},
		{"(0) Tj\x80 (1) Tj", "(0) Tj\n(1) Tj"},
		{"/F1\xff 12 Tf", "/F1 12 Tf"},
		{"12\x80Tf", "12 Tf"},
		{"[(a)\x80] TJ", "[(a)] TJ"},
		{"<< /A \x80 >> BDC", "<< /A 1 >> BDC"},
		{"(\x80) Tj \xff", "(\x80\xff) Tj % \x80\xff\n"},
	} {
		if err := lex(c.bad); err != errSyntax {
			t.Errorf("%q: %v, want a syntax error", c.bad, err)
		}
		if err := lex(c.good); err != nil {
			t.Errorf("%q: %v", c.good, err)
		}
	}
}

// TestRawTJ checks that a TJ array rawArray accepts shows as the same
// items, bounds and text position through show's reading of its text as
// through the lexer's operands, and that rawArray leaves every other
// form to the lexer.
func TestRawTJ(t *testing.T) {
	f := &font{ascent: 800, descnt: -200}
	for c := range 256 {
		f.enc[c] = rune('A' + c%26)
		f.width[c], f.hasW[c] = float64(100+c), true
	}
	for _, c := range []struct {
		in  string
		raw bool
	}{
		{"[<01>-250<0203> 12.5<>-.5 +3\n<4142>\t7.]", true},
		{"[]", true},
		{"[- +5 .5 -.]", true},
		{"[-1234567890 1234567890 12345678901 -123456789012 -0 0 7<41>-3]", true},
		{"[(a)]", false},
		{"[<4 1>]", false},
		{"[<414>]", false},
		{"[1-2]", false},
		{"[1..2]", false},
		{"[.5.]", false},
		{"[%c\n<41>]", false},
		{"[<41> [1]]", false},
		{"[<41>", false},
		{"[/N]", false},
		{"[<<>>]", false},
		{"[5a]", false},
		{"[-+5]", false},
		{"[1+2 <41>]", false},
		{"[true]", false},
	} {
		s := []byte(c.in)
		end, ok := rawArray(s, 0)
		if ok != c.raw || ok && end != len(s)-1 {
			t.Errorf("%q: rawArray %d %v, want %v", c.in, end, ok, c.raw)
			continue
		}
		if !ok {
			if end := bytes.IndexByte(s, ']'); end > 0 {
				var in interp
				in.gs = gstate{font: f, fs: 10, th: 1, ctm: Identity}
				if err := in.show(nil, s[1:end]); err != errNotRaw {
					t.Errorf("%q: show %v, want errNotRaw", c.in, err)
				}
			}
			continue
		}
		l := lexer{s: s}
		args, _, _, err := l.next(nil)
		if err != nil || len(args) != 1 || args[0].k != kArr {
			t.Fatalf("%q: lexer %v %v", c.in, args, err)
		}
		var a, b interp
		for _, in := range []*interp{&a, &b} {
			in.gs = gstate{font: f, fs: 10, tc: 0.5, th: 1, ctm: Matrix{1, 0, 0, 1, 20, 30}}
			in.tm = Identity
		}
		if err := a.show(args[0].arr, nil); err != nil {
			t.Fatal(err)
		}
		if err := b.show(nil, s[1:end]); err != nil {
			t.Fatal(err)
		}
		oa, ob := &a.objs.chunks[0][0], &b.objs.chunks[0][0]
		if !slices.Equal(oa.items, ob.items) || oa.rect != ob.rect || oa.spread != ob.spread || a.tm != b.tm {
			t.Errorf("%q: raw %v %v %v %v\nwant %v %v %v %v", c.in, ob.items, ob.rect, ob.spread, b.tm, oa.items, oa.rect, oa.spread, a.tm)
		}
	}
}

// TestTcharFields holds process to the fields of tchar: it writes a
// character in place field by field (every field, as a composite literal
// would), so a field added to tchar must be written there too, and this
// count raised.
func TestTcharFields(t *testing.T) {
	if n := reflect.TypeFor[tchar]().NumField(); n != 10 {
		t.Errorf("tchar has %d fields, process writes 10: write the new ones in process's in-place character too", n)
	}
}

// TestRawShow holds show's reading of raw TJ text to rawArray and to the
// lexer's general path, on random arrays of the bytes that matter: show
// answers errNotRaw exactly for the text rawArray rejects, and otherwise
// gives the items the general path gives.
func TestRawShow(t *testing.T) {
	f := &font{ascent: 800, descnt: -200}
	for c := range 256 {
		f.enc[c] = rune('A' + c%26)
		f.width[c], f.hasW[c] = float64(100+c), true
	}
	const alphabet = "<<>>0123456789aF+-.. \n(g/%"
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		raw := make([]byte, rng.IntN(12))
		for i := range raw {
			raw[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var b interp
		b.gs = gstate{font: f, fs: 10, tc: 0.5, th: 1, ctm: Identity}
		b.tm = Identity
		err := b.show(nil, raw)
		if want := rawText(raw); (err != errNotRaw) != want {
			t.Fatalf("%q: show %v, rawArray accepts: %v", raw, err, want)
		}
		if err != nil {
			continue
		}
		l := lexer{s: append(append([]byte{'['}, raw...), ']')}
		args, _, _, err := l.next(nil)
		if err != nil || len(args) != 1 || args[0].k != kArr {
			t.Fatalf("%q: lexer %v %v", raw, args, err)
		}
		var a interp
		a.gs, a.tm = b.gs, Identity
		if err := a.show(args[0].arr, nil); err != nil {
			t.Fatal(err)
		}
		oa, ob := &a.objs.chunks[0][0], &b.objs.chunks[0][0]
		if !slices.Equal(oa.items, ob.items) || oa.rect != ob.rect || a.tm != b.tm {
			t.Fatalf("%q: raw %v %v, want %v %v", raw, ob.items, ob.rect, oa.items, oa.rect)
		}
	}
}

// TestRawRedo holds run to the lexer's general path for arrays before TJ
// that are not of rawArray's forms: run reads the operator again, and
// what an array's first ']' seemed to end is read as the general path
// reads it (a string's ']', a later operator). The reference runs the
// operators as run does, with a lexer that never tries raw.
func TestRawRedo(t *testing.T) {
	f := &font{ascent: 800, descnt: -200}
	for c := range 256 {
		f.enc[c] = rune('A' + c%26)
		f.width[c], f.hasW[c] = float64(100+c), true
	}
	read := func(content string, raw bool) (string, bool, string) {
		var in interp
		in.p = &Page{}
		in.reset(nil, in.p)
		in.gs.font, in.gs.fs = f, 10
		var err error
		if raw {
			err = in.run([]byte(content), nil, 1)
		} else {
			l := &lexer{s: []byte(content)}
			for {
				op, ok, lerr := l.op()
				if lerr != nil || !ok {
					if lerr == errSyntax {
						lerr = decline("content stream syntax at byte %d", l.pos)
					}
					err = lerr
					break
				}
				in.ops++
				if err = in.do(string(op), l.args, nil, 1); err != nil {
					break
				}
			}
		}
		in.tp.finish()
		var text []rune
		for _, c := range in.tp.out {
			text = append(text, c.r)
		}
		return string(text), in.painted, fmt.Sprint(err)
	}
	for _, content := range []string{
		"BT [<41>] TJ ET",
		"BT [<41> (B] TJ C)] TJ ET",
		"BT [(a] TJ b)] Tz ET",
		"BT [<41> 5-3] TJ [<42>]TJ ET",
		"BT 1 [<41] TJ ET",
		"BT [<41>]TJ% c\n[<42>] %c\nTJ [<43>] TJx ET",
		"BT [/N] TJ [<41>] TJ ET",
		"BT [<41> 1+2 <42>] TJ ET",
		"BT [<41>] TJ [<42> 5x] TJ ET",
		"BT [<41> 1] TJ [<42>\xff] TJ ET",
	} {
		got, gotPainted, gotErr := read(content, true)
		want, wantPainted, wantErr := read(content, false)
		if got != want || gotPainted != wantPainted || gotErr != wantErr {
			t.Errorf("%q: %q painted %v, %s; want %q painted %v, %s", content, got, gotPainted, gotErr, want, wantPainted, wantErr)
		}
	}
}
