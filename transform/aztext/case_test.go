package aztext

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

func TestLowerUpper(t *testing.T) {
	tests := []struct {
		name, in, lower, upper string
	}{
		{"dotted capital I", "İCLAS", "iclas", "İCLAS"},
		{"dotless capital I", "ILIN", "ılın", "ILIN"},
		{"dotted small i", "iclas", "iclas", "İCLAS"},
		{"dotless small i", "qırx", "qırx", "QIRX"},
		{"schwa", "Əməkdaşının", "əməkdaşının", "ƏMƏKDAŞININ"},
		{"mixed", "Azərbaycan Respublikası", "azərbaycan respublikası", "AZƏRBAYCAN RESPUBLİKASI"},
		{"digits and punctuation", "1.2. (İcra)", "1.2. (icra)", "1.2. (İCRA)"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Lower(tt.in); got != tt.lower {
				t.Errorf("Lower(%q) = %q, want %q", tt.in, got, tt.lower)
			}
			if got := Upper(tt.in); got != tt.upper {
				t.Errorf("Upper(%q) = %q, want %q", tt.in, got, tt.upper)
			}
		})
	}
}

// TestCaseMatchesXText checks Lower and Upper against x/text's Azerbaijani
// casers on every line of the seed.
func TestCaseMatchesXText(t *testing.T) {
	lower := cases.Lower(language.Azerbaijani)
	upper := cases.Upper(language.Azerbaijani)
	for i, line := range seedLines(t) {
		line = Normalize(line)
		if got, want := Lower(line), lower.String(line); got != want {
			t.Errorf("line %d: Lower differs from cases.Lower:\n got %q\nwant %q", i+1, got, want)
		}
		if got, want := Upper(line), upper.String(line); got != want {
			t.Errorf("line %d: Upper differs from cases.Upper:\n got %q\nwant %q", i+1, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, key, loose string
	}{
		{"heading", "İcra müddəti", "icra müddəti", "icra müddəti"},
		{"heading upper case", "İCRA  MÜDDƏTİ", "icra müddəti", "icra müddəti"},
		{"heading typed with ASCII I", "Icra müddəti", "ıcra müddəti", "icra müddəti"},
		{"punctuation becomes one space", "Sıra N-si:", "sıra n si", "sira n si"},
		{"number", "1.2.", "1 2", "1 2"},
		{"Cyrillic schwa", "Tәdbirin adı", "tədbirin adı", "tədbirin adi"},
		{"1991 alphabet", "TÄDBİRİN ADI", "tədbirin adı", "tədbirin adi"},
		{"Cyrillic look-alikes", "Görülmüş іşlər", "görülmüş işlər", "görülmüş işlər"},
		{"quotes and dashes", "«Görülmüş işlər» — 2020–2022", "görülmüş işlər 2020 2022", "görülmüş işlər 2020 2022"},
		{"combining mark without a composed form dropped", "ə\u0301b", "əb", "əb"},
		{"mojibake", "Ä°cra mÃ¼ddÉ™ti", "icra müddəti", "icra müddəti"},
		{"empty", "", "", ""},
		{"only punctuation", " -- ", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Key(tt.in); got != tt.key {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.key)
			}
			if got := LooseKey(tt.in); got != tt.loose {
				t.Errorf("LooseKey(%q) = %q, want %q", tt.in, got, tt.loose)
			}
		})
	}
}

func TestKeyDistinguishes(t *testing.T) {
	tests := []struct {
		name, a, b string
		loose      bool // whether LooseKey merges them
	}{
		{"ı and i", "qırx", "qirx", true},
		{"ASCII heading without diacritics", "ICRA MUDDETI", "İcra müddəti", false},
		{"ş and s", "daş", "das", false},
		{"different words", "Tədbirin adı", "İcra müddəti", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if Key(tt.a) == Key(tt.b) {
				t.Errorf("Key(%q) == Key(%q) == %q", tt.a, tt.b, Key(tt.a))
			}
			if got := LooseKey(tt.a) == LooseKey(tt.b); got != tt.loose {
				t.Errorf("LooseKey(%q) == LooseKey(%q): %v, want %v", tt.a, tt.b, got, tt.loose)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want rune }{
		{'ә', 'ə'}, {'Ә', 'Ə'}, {'ǝ', 'ə'}, {'Ǝ', 'Ə'}, {'ä', 'ə'}, {'Ä', 'Ə'},
		{'а', 'a'}, {'С', 'C'}, {'і', 'i'}, {'ј', 'j'},
		{'ə', 'ə'}, {'ş', 'ş'}, {'ü', 'ü'}, {'ж', 'ж'}, {'x', 'x'},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const seedPath = "../../testdata/seed/seed.txt"

// seedLines returns the lines of the seed report.
func seedLines(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(lines) == 0 {
		tb.Fatal("seed.txt is empty")
	}
	return lines
}

func TestBareKey(t *testing.T) {
	for _, c := range [][2]string{
		{"İcra müddəti", "icra muddeti"},
		{"ICRA MÜDDƏTİ", "icra muddeti"},
		{"arayış", "arayis"},
		{"ƏMƏKDAŞ", "emekdas"},
		{"әməkdaş", "emekdas"},
		{"Göstərici, çağırış", "gosterici cagiris"},
		{"e-xidmət 2020-2022", "e xidmet 2020 2022"},
	} {
		if got := BareKey(c[0]); got != c[1] {
			t.Errorf("BareKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestKeyASCII: Key's shortcut for ASCII runes agrees with its rule for
// every rune: lower-cased by Azerbaijani rules (I → ı), folded, kept when
// a letter or digit, else a gap between words. (Normalize drops the
// control characters before.)
func TestKeyASCII(t *testing.T) {
	for r := ' '; r < utf8.RuneSelf-1; r++ {
		want := "x y"
		if l := Fold(unicode.AzeriCase.ToLower(r)); unicode.IsLetter(l) || unicode.IsDigit(l) {
			want = "x" + string(l) + "y"
		}
		if got := Key("x" + string(r) + "y"); got != want {
			t.Errorf("Key(%q) = %q, want %q", "x"+string(r)+"y", got, want)
		}
	}
}

// TestKeyAzerbaijaniLetters: Key's shortcut for the Azerbaijani letters
// (azLower) agrees with its rule for every rune it takes: lower-cased by
// Azerbaijani rules, folded, a letter.
func TestKeyAzerbaijaniLetters(t *testing.T) {
	n := 0
	for r := rune(utf8.RuneSelf); r < 0x2000; r++ {
		l, ok := azLower(r)
		if !ok {
			continue
		}
		n++
		if want := Fold(unicode.AzeriCase.ToLower(r)); l != want || !unicode.IsLetter(l) {
			t.Errorf("azLower(%q) = %q, want %q, a letter", r, l, want)
		}
	}
	if n != 14 {
		t.Errorf("azLower takes %d runes, want the 14 of ə ı ş ç ğ ö ü Ə İ Ş Ç Ğ Ö Ü", n)
	}
}

// TestKeyShortcuts: Key and LooseKey of any text are keyNormal's rule
// applied to the text normalised, though they read text that Normalize
// leaves as it is without normalising it, and copy runs of runes that are
// their own key; BareKeyOf agrees with the rune mapping it stands for,
// not UTF-8 included. Inputs: every rune below U+3000 and every byte, alone
// and between letters, and the seed's lines and their damaged variants.
func TestKeyShortcuts(t *testing.T) {
	var inputs []string
	for r := rune(0); r < 0x3000; r++ {
		inputs = append(inputs, string(r), "ab"+string(r)+"ş", "Iı "+string(r)+string(r)+"Ə")
	}
	for c := range 256 {
		inputs = append(inputs, string([]byte{byte(c)}), "ə"+string([]byte{byte(c)})+"x", "a\xc9"+string([]byte{byte(c)}))
	}
	for _, line := range seedLines(t) {
		inputs = append(inputs, line)
		for _, v := range variants {
			inputs = append(inputs, v.make(line))
		}
	}
	for _, s := range inputs {
		checkKey(t, s)
	}
}

// checkKey fails t unless Key, LooseKey, LooseKeyOf and BareKeyOf of s
// agree with their rules.
func checkKey(t *testing.T, s string) {
	t.Helper()
	n := Normalize(s)
	for _, loose := range []bool{false, true} {
		if got, want := key(s, loose), keyNormal(n, loose); got != want {
			t.Fatalf("key(%q, %v) = %q, want %q (the rule over Normalize)", s, loose, got, want)
		}
	}
	if got, want := LooseKeyOf(Key(s)), LooseKey(s); got != want {
		t.Fatalf("LooseKeyOf(Key(%q)) = %q, want LooseKey %q", s, got, want)
	}
	for _, k := range []string{s, Key(s)} {
		if got, want := BareKeyOf(k), strings.Map(bareLoose, k); got != want {
			t.Fatalf("BareKeyOf(%q) = %q, want %q", k, got, want)
		}
	}
}

// TestLowerShortcuts: Lower's shortcuts agree with unicode.AzeriCase for
// every rune.
func TestLowerShortcuts(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := LowerRune(r), unicode.AzeriCase.ToLower(r); got != want {
			t.Errorf("LowerRune(%q) = %q, want %q", r, got, want)
		}
	}
}

// TestKeyOfSpacedText: Key reads text whose only departure from Normalize's
// form is white space (tabs, newlines, runs of spaces, at the ends) as it
// is, and must key it as its normalised form.
func TestKeyOfSpacedText(t *testing.T) {
	for _, line := range seedLines(t) {
		for _, s := range []string{line, " " + strings.ReplaceAll(line, " ", "\n  ") + "\t", strings.ReplaceAll(line, " ", " \r\n")} {
			if got, want := Key(s), Key(Normalize(s)); got != want {
				t.Fatalf("Key(%q) = %q, want %q (Key of its normalised form)", s, got, want)
			}
		}
	}
}

// TestLowerLetterAt checks the shortcut against the letters it names.
func TestLowerLetterAt(t *testing.T) {
	for r := rune(0x80); r < 0x800; r++ {
		s := "a" + string(r)
		want := strings.ContainsRune("əışçğöü", r)
		if got := LowerLetterAt(s, 1); got != want {
			t.Errorf("LowerLetterAt(%q, 1) = %v", s, got)
		}
	}
	if LowerLetterAt("ə", 1) || LowerLetterAt("\xc9", 0) || LowerLetterAt("a", 0) {
		t.Error("LowerLetterAt past the end or on ASCII")
	}
}
