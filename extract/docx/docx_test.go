package docx

import (
	"slices"
	"strings"
	"testing"
)

// fiveColumn is a report as agencies write them: a title paragraph, a
// five-column table with a two-row header (names, then column numbers),
// section rows spanning all columns, a measure whose number, title,
// executor and term cells span two rows by w:vMerge, and a signature after
// the table.
var fiveColumn = p("“Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı”nın icra vəziyyətinə dair Ədliyyə Nazirliyinin 2021-ci il üzrə hesabatı") +
	tbl(5,
		tr(`<w:tblHeader/>`, tcs("№", "Tədbirin adı", "İcraçı", "İcra müddəti", "Görülmüş işlər")),
		tr(`<w:tblHeader/>`, tcs("1", "2", "3", "4", "5")),
		tr("", tc(`<w:gridSpan w:val="5"/>`, p("1. Şəffaflığın artırılması"))),
		tr("", tcs("1.1.", "Açıq məlumatların dərci", "Ədliyyə Nazirliyi", "2020-2022", "50 data dəsti dərc edilmişdir.")),
		tr("",
			tc(`<w:vMerge w:val="restart"/>`, p("1.2.")),
			tc(`<w:vMerge w:val="restart"/>`, p("İctimai müzakirələrin keçirilməsi")),
			tc(`<w:vMerge w:val="restart"/>`, p("Məhkəmə-Hüquq Şurası")),
			tc(`<w:vMerge w:val="restart"/>`, p("mütəmadi")),
			tc("", p("12 ictimai müzakirə keçirilmişdir."))),
		tr("",
			tc(`<w:vMerge/>`), tc(`<w:vMerge/>`), tc(`<w:vMerge/>`), tc(`<w:vMerge/>`),
			tc("", p("Nəticələr saytda yerləşdirilmişdir."), p("Təkliflər nəzərə alınmışdır."))),
		tr("", tc(`<w:gridSpan w:val="5"/>`, p("2. Hesabatlılığın gücləndirilməsi"))),
		tr("", tcs("2.1.", "İllik hesabatların dərci", "Maliyyə şöbəsi", "2021", "İllik hesabat dərc edilmişdir.")),
	) +
	p("Nazir") + p("", "F. Məmmədov")

var fiveColumnRows = []string{
	"1 P [“Açıq hökumətin təşviqinə dair 2020-2022-ci illər üçün Milli Fəaliyyət Planı”nın icra vəziyyətinə dair Ədliyyə Nazirliyinin 2021-ci il üzrə hesabatı]",
	"1 TH [№] [Tədbirin adı] [İcraçı] [İcra müddəti] [Görülmüş işlər]",
	"1 TH [1] [2] [3] [4] [5]",
	"1 T [1. Şəffaflığın artırılması]*5",
	"1 T [1.1.] [Açıq məlumatların dərci] [Ədliyyə Nazirliyi] [2020-2022] [50 data dəsti dərc edilmişdir.]",
	"1 T [1.2.] [İctimai müzakirələrin keçirilməsi] [Məhkəmə-Hüquq Şurası] [mütəmadi] [12 ictimai müzakirə keçirilmişdir.]",
	"1 T [] [] [] [] [Nəticələr saytda yerləşdirilmişdir. ¶ Təkliflər nəzərə alınmışdır.]",
	"1 T [2. Hesabatlılığın gücləndirilməsi]*5",
	"1 T [2.1.] [İllik hesabatların dərci] [Maliyyə şöbəsi] [2021] [İllik hesabat dərc edilmişdir.]",
	"1 P [Nazir]",
	"1 P [F. Məmmədov]",
}

// fld is a complex field: instruction, then result (nothing when result is
// "-", for a field without separator).
func fld(instr, result string) string {
	s := `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">` + instr + `</w:instrText></w:r>`
	if result != "-" {
		s += `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>` + result + `</w:t></w:r>`
	}
	return s + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

// rowCases are documents and the rows they must yield (see dump).
var rowCases = []struct {
	name string
	body string
	want []string
}{
	{"five-column report", fiveColumn, fiveColumnRows},
	{"paragraphs in order, empty ones dropped, text trimmed",
		p("Birinci") + p() + p("   ") + `<w:p/>` + p("  İkinci  ") + p("Üçüncü", " ", "cümlə"),
		[]string{"1 P [Birinci]", "1 P [İkinci]", "1 P [Üçüncü cümlə]"}},
	{"cell paragraphs, empty ones dropped",
		tbl(2, tr("", tc("", p("a"), p(), p(" b "), `<w:p/>`), tc(""))),
		[]string{"1 T [a ¶ b] []"}},
	{"run content: tab, breaks, hyphens, symbols",
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>e</w:t></w:r></w:p>` +
			`<w:p><w:r><w:t>e</w:t><w:noBreakHyphen/><w:t>poçt</w:t><w:softHyphen/><w:t>lar</w:t></w:r></w:p>` +
			`<w:p><w:r><w:sym w:font="Symbol" w:char="F0B3"/><w:t>5</w:t><w:sym w:font="Cambria Math" w:char="2265"/><w:t>4</w:t><w:sym w:font="Symbol" w:char="zz"/><w:sym w:font="Symbol" w:char="F001"/><w:sym w:font="Symbol" w:char="D800"/></w:r></w:p>`,
		[]string{"1 P [a b c d e]", "1 P [e-poçtlar]", "1 P [³5≥4]"}},
	{"deleted text and notes are not text",
		`<w:p><w:r><w:t xml:space="preserve">old </w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>removed </w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve">added </w:t></w:r></w:ins><w:moveFrom w:id="3" w:author="a"><w:r><w:t>gone</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="a"><w:r><w:t>moved</w:t></w:r></w:moveTo><w:r><w:footnoteReference w:id="1"/><w:rPr><w:b/></w:rPr></w:r></w:p>`,
		[]string{"1 P [old added moved]"}},
	{"tracked row deletion drops the row",
		tbl(2, tr("", tcs("1.1.", "saxlanılır")), tr(`<w:del w:id="1" w:author="a"/>`, tcs("1.2.", "silinib")), tr("", tcs("1.3.", "qalır"))),
		[]string{"1 T [1.1.] [saxlanılır]", "1 T [1.3.] [qalır]"}},
	{"hyperlinks, smart tags, bidi runs",
		`<w:p><w:hyperlink r:id="rId3"><w:r><w:t>saytda</w:t></w:r></w:hyperlink><w:smartTag w:uri="u" w:element="e"><w:smartTagPr/><w:r><w:t xml:space="preserve"> ünvan</w:t></w:r></w:smartTag><w:dir w:val="ltr"><w:r><w:t xml:space="preserve"> var</w:t></w:r></w:dir></w:p>`,
		[]string{"1 P [saytda ünvan var]"}},
	{"fields: simple and complex, nested, without result, across paragraphs",
		`<w:p><w:r><w:t xml:space="preserve">Səhifə </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>` +
			`<w:p><w:r><w:t xml:space="preserve">Bax: </w:t></w:r>` + fld(` HYPERLINK "https://e-gov.az" `, "e-gov.az") + `</w:p>` +
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>` + fld(" DATE ", "inner") + `<w:r><w:t>hidden</w:t></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
			`<w:p>` + fld(" SEQ x ", "-") + `<w:r><w:t>sonra</w:t></w:r></w:p>` +
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Birinci bənd</w:t></w:r></w:p><w:p><w:r><w:t>İkinci bənd</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>lost end</w:t></w:r></w:p>` + p("görünür"),
		[]string{"1 P [Səhifə 3]", "1 P [Bax: e-gov.az]", "1 P [result]", "1 P [sonra]", "1 P [Birinci bənd]", "1 P [İkinci bənd]", "1 P [görünür]"}},
	{"content controls and custom XML around blocks, rows, cells and runs",
		`<w:sdt><w:sdtPr><w:alias w:val="Başlıq"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr><w:sdtEndPr/><w:sdtContent>` + p("Başlıq") + `</w:sdtContent></w:sdt>` +
			tbl(2,
				`<w:sdt><w:sdtPr/><w:sdtContent>`+tr("", tcs("1.1.", "a"))+`</w:sdtContent></w:sdt>`,
				`<w:customXml w:element="row">`+tr("", tcs("1.2.", "b"))+`</w:customXml>`,
				tr("", `<w:sdt><w:sdtPr/><w:sdtContent>`+tc("", p("1.3."))+`</w:sdtContent></w:sdt>`, `<w:customXml w:element="c">`+tc("", p("c"))+`</w:customXml>`),
			) +
			`<w:p><w:sdt><w:sdtPr><w:rPr><w:b/></w:rPr></w:sdtPr><w:sdtContent><w:r><w:t>daxili</w:t></w:r></w:sdtContent></w:sdt></w:p>`,
		[]string{"1 P [Başlıq]", "1 T [1.1.] [a]", "1 T [1.2.] [b]", "1 T [1.3.] [c]", "1 P [daxili]"}},
	{"content controls showing their placeholder are empty",
		tbl(2, tr("", tcs("1.1."), tc("", `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>`+p("Mətn daxil etmək üçün bura klikləyin.")+`</w:sdtContent></w:sdt>`))) +
			`<w:p><w:r><w:t xml:space="preserve">Tarix: </w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr w:val="true"/><w:date/></w:sdtPr><w:sdtContent><w:r><w:t>Tarix seçin.</w:t></w:r></w:sdtContent></w:sdt></w:p>` +
			`<w:p><w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent><w:r><w:t>doldurulub</w:t></w:r></w:sdtContent></w:sdt></w:p>`,
		[]string{"1 T [1.1.] []", "1 P [Tarix:]", "1 P [doldurulub]"}},
	{"alternate content: one branch only; text boxes read in place",
		`<w:p><w:r><w:t xml:space="preserve">a </w:t></w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>choice</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>` +
			`<w:p><w:r><w:t>before</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>BOX</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>VML</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>` +
			`<mc:AlternateContent><mc:Fallback>` + p("only fallback") + `</mc:Fallback></mc:AlternateContent>`,
		[]string{"1 P [a choice]", "1 P [before]", "1 P [BOX]", "1 P [VML]", "1 P [only fallback]"}},
	{"grid spans, gridBefore and gridAfter keep grid positions",
		tbl(4,
			tr("", tc(`<w:gridSpan w:val="2"/>`, p("ab")), tcs("c", "d")),
			tr(`<w:gridBefore w:val="1"/><w:gridAfter w:val="2"/>`, tcs("b")),
			tr(`<w:gridBefore w:val="2"/>`, tc(`<w:gridSpan w:val="2"/>`, p("cd"))),
			tr(`<w:gridAfter w:val="3"/>`, tcs("a")),
			tr("", tc(`<w:gridSpan w:val="0"/>`, p("junk0")), tc(`<w:gridSpan w:val="x"/>`, p("junkx")), tcs("c", "d")),
		),
		[]string{"1 T [ab]*2 [c] [d]", "1 T [] [b] []*2", "1 T []*2 [cd]*2", "1 T [a] []*3", "1 T [junk0] [junkx] [c] [d]"}},
	{"vertical merges over three rows, matched by grid column",
		tbl(3,
			tr("", tc(`<w:vMerge w:val="restart"/>`, p("1.1.")), tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, p("başlıq"))),
			tr("", tc(`<w:vMerge/>`), tc(`<w:gridSpan w:val="2"/><w:vMerge/>`, p("gizli"))),
			tr("", tc(`<w:vMerge w:val="continue"/>`), tc(`<w:vMerge/>`, p("yeni")), tcs("x")),
		),
		[]string{"1 T [1.1.] [başlıq]*2", "1 T [] []*2", "1 T [] [] [x]"}},
	{"vertical merge continuation with no merge above is a cell",
		tbl(2,
			tr("", tc(`<w:vMerge/>`, p("ilk")), tcs("a")),
			tr(`<w:gridBefore w:val="1"/>`, tc(`<w:vMerge/>`, p("b"))),
			tr("", tc(`<w:gridSpan w:val="2"/>`, p("geniş"))),
			tr("", tcs("c"), tc(`<w:vMerge/>`, p("d"))),
		),
		[]string{"1 T [ilk] [a]", "1 T [] [b]", "1 T [geniş]*2", "1 T [c] [d]"}},
	{"legacy horizontal merge folds into the first cell",
		tbl(4, tr("", tc(`<w:hMerge w:val="restart"/>`, p("a")), tc(`<w:hMerge/>`), tc(`<w:hMerge w:val="continue"/>`), tcs("d")),
			tr("", tc(`<w:hMerge/>`, p("x")), tcs("y", "z", "w"))),
		[]string{"1 T [a]*3 [d]", "1 T [x] [y] [z] [w]"}},
	{"nested table text stays in the outer cell",
		tbl(2, tr("", tc("", p("1.1.")), tc("", p("giriş"), tbl(2, tr("", tcs("n1", "n2")), tr("", tcs("n3", ""))), p("son")))),
		[]string{"1 T [1.1.] [giriş ¶ n1 ¶ n2 ¶ n3 ¶ son]"}},
	{"table header flag: on/off values",
		tbl(1,
			tr(`<w:tblHeader w:val="true"/>`, tcs("a")),
			tr(`<w:tblHeader w:val="1"/>`, tcs("b")),
			tr(`<w:tblHeader w:val="0"/>`, tcs("c")),
			tr(`<w:tblHeader w:val="false"/>`, tcs("d")),
			tr(`<w:tblHeader w:val="off"/>`, tcs("e")),
			tr("", tcs("f"))),
		[]string{"1 TH [a]", "1 TH [b]", "1 T [c]", "1 T [d]", "1 T [e]", "1 T [f]"}},
	{"table header flag: only on the table's leading rows",
		tbl(2,
			tr(`<w:tblHeader/>`, tcs("№", "Tədbirin adı")),
			tr(`<w:tblHeader/>`, tcs("1", "2")),
			tr("", tcs("1.1.", "a")),
			tr(`<w:tblHeader/>`, tcs("1.2.", "səhvən başlıq")),
			tr(`<w:del w:id="1" w:author="a"/><w:tblHeader/>`, tcs("1.3.", "silinib"))) +
			tbl(2, tr(`<w:del w:id="1" w:author="a"/>`, tcs("x", "y")), tr(`<w:tblHeader/>`, tcs("№", "Tədbirin adı"))),
		[]string{"1 TH [№] [Tədbirin adı]", "1 TH [1] [2]", "1 T [1.1.] [a]", "1 T [1.2.] [səhvən başlıq]", "1 TH [№] [Tədbirin adı]"}},
	{"hidden runs are not text",
		`<w:p><w:r><w:t xml:space="preserve">görünən </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>gizli</w:t><w:br w:type="page"/></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>mətn</w:t></w:r></w:p>` +
			`<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
		[]string{"1 P [görünən mətn]", "1 P [7]"}},
	{"empty rows are rows",
		tbl(2, tr("", tc(""), tc("")), tr("")),
		[]string{"1 T [] []", "1 T"}},
	{"unknown block elements are skipped, unknown inline ones read through",
		`<w:bookmarkStart w:id="0" w:name="a"/><w:unknownBlock><w:p><w:r><w:t>x</w:t></w:r></w:p></w:unknownBlock>` +
			`<w:p><w:unknownInline><w:r><w:t>içində</w:t></w:r></w:unknownInline><w:bookmarkEnd w:id="0"/></w:p><w:sectPr><w:pgSz w:w="11906"/></w:sectPr>`,
		[]string{"1 P [içində]"}},
}

func TestRows(t *testing.T) {
	for _, tc := range rowCases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := extractBytes(buildDocx(t, tc.body, "", ""))
			if err != nil {
				t.Fatal(err)
			}
			if got := dump(doc); !slices.Equal(got, tc.want) {
				t.Errorf("rows:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tc.want, "\n     "))
			}
			if doc.Pages != 1 || len(doc.Warnings) != 0 {
				t.Errorf("Pages = %d, Warnings = %q; want 1 and none", doc.Pages, doc.Warnings)
			}
		})
	}
}
