package docx

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hesabat/hesabat"
)

// np is a paragraph numbered with list numID at level ilvl (numID "" for
// none, ilvl < 0 for none); style, when not "", is its w:pStyle.
func np(style, numID string, ilvl int, text string) string {
	var pr string
	if style != "" {
		pr += `<w:pStyle w:val="` + style + `"/>`
	}
	if numID != "" || ilvl >= 0 {
		pr += "<w:numPr>"
		if ilvl >= 0 {
			pr += fmt.Sprintf(`<w:ilvl w:val="%d"/>`, ilvl)
		}
		if numID != "" {
			pr += `<w:numId w:val="` + numID + `"/>`
		}
		pr += "</w:numPr>"
	}
	s := "<w:p><w:pPr>" + pr + "</w:pPr>"
	if text != "" {
		s += `<w:r><w:t>` + text + `</w:t></w:r>`
	}
	return s + "</w:p>"
}

// lvl is a w:lvl; extra is more of its content (w:lvlRestart, w:isLgl, …).
func lvl(ilvl, start int, format, text, extra string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>%s</w:lvl>`, ilvl, start, format, text, extra)
}

// outline is abstractNum 0, "%1." over "%1.%2.", used by num 1.
const outline = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360"/></w:pPr></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>` +
	`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`

// numberingCases are documents with automatic numbering and the text of
// their rows, cells joined by " | ".
var numberingCases = []struct {
	name, numbering, styles, body string
	want                          []string
}{
	{"levels count and restart the level below", outline, "",
		np("", "1", 0, "a") + np("", "1", 1, "b") + np("", "1", 1, "c") + np("", "1", 0, "d") + np("", "1", 1, "e"),
		[]string{"1. a", "1.1. b", "1.2. c", "2. d", "2.1. e"}},
	{"number column of a table, empty numbered paragraphs shown", outline, "",
		tbl(2, tr("", tc("", np("", "1", 0, "")), tc("", p("Bölmə")))) +
			tbl(2, tr("", tc("", np("", "1", 1, "")), tc("", p("Tədbir"))), tr("", tc("", np("", "1", 1, "")), tc("", p("Tədbir 2")))),
		[]string{"1. | Bölmə", "1.1. | Tədbir", "1.2. | Tədbir 2"}},
	{"level without ilvl is level 0; a level not yet used shows its start", outline, "",
		np("", "1", 1, "b") + np("", "1", -1, "a") + np("", "1", 1, "c"),
		[]string{"1.1. b", "1. a", "1.1. c"}},
	{"start value and missing w:start", `<w:abstractNum w:abstractNumId="3">` + lvl(0, 5, "decimal", "%1)", "") + `<w:lvl w:ilvl="1"><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="3"/></w:num>`, "",
		np("", "2", 0, "a") + np("", "2", 0, "b") + np("", "2", 1, "c"),
		[]string{"5) a", "6) b", "6.0 c"}},
	{"lists sharing an abstractNum share counters; startOverride counts apart",
		outline + `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, "",
		np("", "1", 0, "a") + np("", "2", 0, "b") + np("", "3", 0, "c") + np("", "3", 0, "d") + np("", "1", 0, "e"),
		[]string{"1. a", "2. b", "1. c", "2. d", "3. e"}},
	{"lvlOverride with a level replaces it",
		outline + `<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">` + lvl(0, 1, "lowerLetter", "(%1)", `<w:lvlRestart w:val="0"/>`) + `</w:lvlOverride></w:num>`, "",
		np("", "4", 0, "a") + np("", "4", 0, "b") + np("", "4", 1, "c"),
		[]string{"(a) a", "(b) b", "b.1. c"}},
	{"lvlRestart 0 never restarts; lvlRestart 1 restarts after level 0 only",
		`<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "decimal", "%1.", "") + lvl(1, 1, "decimal", "%1.%2.", `<w:lvlRestart w:val="0"/>`) + lvl(2, 1, "decimal", "%1.%2.%3.", `<w:lvlRestart w:val="1"/>`) + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`, "",
		np("", "1", 0, "a") + np("", "1", 1, "b") + np("", "1", 2, "c") + np("", "1", 1, "d") + np("", "1", 2, "e") + np("", "1", 0, "f") + np("", "1", 1, "g") + np("", "1", 2, "h"),
		[]string{"1. a", "1.1. b", "1.1.1. c", "1.2. d", "1.2.2. e", "2. f", "2.3. g", "2.3.1. h"}},
	{"formats: roman, letters, zero-padded, legal, none, bullet",
		`<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "upperRoman", "%1.", "") + lvl(1, 1, "decimal", "%1.%2", "<w:isLgl/>") + lvl(2, 1, "lowerLetter", "%3)", "") + lvl(3, 9, "decimalZero", "%4", "") + lvl(4, 4, "lowerRoman", "%5", "") + lvl(5, 27, "upperLetter", "%6", "") + lvl(6, 1, "none", "", "") + lvl(7, 1, "bullet", "\uf0b7", "") + lvl(8, 1, "ordinal", "%9.", "") + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`, "",
		np("", "1", 0, "a") + np("", "1", 0, "b") + np("", "1", 1, "c") + np("", "1", 2, "d") + np("", "1", 3, "e") + np("", "1", 3, "f") + np("", "1", 4, "g") + np("", "1", 5, "h") + np("", "1", 6, "i") + np("", "1", 7, "j") + np("", "1", 8, "k"),
		[]string{"I. a", "II. b", "2.1 c", "a) d", "09 e", "10 f", "iv g", "AA h", "i", "j", "1. k"}},
	{"suffix nothing: no space after the number",
		`<w:abstractNum w:abstractNumId="0">` + lvl(0, 1, "decimal", "%1.", `<w:suff w:val="nothing"/>`) + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`, "",
		np("", "1", 0, "a"),
		[]string{"1.a"}},
	{"numbering from the style chain; numId 0 cancels it; direct ilvl over style",
		outline, `<w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Item"><w:basedOn w:val="Base"/></w:style><w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>`,
		np("Item", "", -1, "a") + np("Item", "0", -1, "b") + np("Item", "", 1, "c") + np("Loop", "", -1, "d") + np("Missing", "", -1, "e"),
		[]string{"1. a", "b", "1.1. c", "d", "e"}},
	{"numStyleLink takes the levels of the numbering style's list",
		`<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:styleLink w:val="Outline"/>` + lvl(0, 1, "upperLetter", "%1.", "") + `</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="7"><w:abstractNumId w:val="9"/></w:num>`,
		`<w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>`,
		np("", "6", 0, "a") + np("", "6", 0, "b") + np("", "7", 0, "c"),
		[]string{"A. a", "B. b", "c"}},
	{"numbering without a numbering part", "", "", np("", "1", 0, "a"), []string{"a"}},
}

func TestNumbering(t *testing.T) {
	for _, tc := range numberingCases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extractBytes(buildDocx(t, tc.body, tc.numbering, tc.styles))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range doc.Rows {
				var cells []string
				for _, c := range r.Cells {
					cells = append(cells, strings.Join(c.Paras, " ¶ "))
				}
				got = append(got, strings.Join(cells, " | "))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if len(doc.Warnings) != 0 {
				t.Errorf("warnings: %q", doc.Warnings)
			}
		})
	}
}

func TestDamagedNumberingIsAWarning(t *testing.T) {
	files := docxFiles(np("", "1", 0, "a"), outline, "")
	files["word/numbering.xml"] = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:num>`
	doc, err := extractBytes(zipFiles(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if got := dump(doc); !slices.Equal(got, []string{"1 P [a]"}) {
		t.Errorf("rows %q", got)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0].Message, "word/numbering.xml: malformed XML") || doc.Warnings[0].Kind != hesabat.WarnPartial {
		t.Errorf("warnings %q, want one naming word/numbering.xml", doc.Warnings)
	}
}
