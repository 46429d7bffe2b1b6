package docx

import (
	"strconv"
	"strings"

	"github.com/hesabat/hesabat/extract/internal/listnum"
)

// The parts of numbering.xml and styles.xml read, decoded with
// xml.Unmarshal: tags without a namespace match the transitional and the
// strict namespace alike.
type (
	valAttr struct {
		Val string `xml:"val,attr"`
	}
	rawLevel struct {
		Ilvl    string   `xml:"ilvl,attr"`
		Start   *valAttr `xml:"start"`
		NumFmt  *valAttr `xml:"numFmt"`
		LvlText *valAttr `xml:"lvlText"`
		Restart *valAttr `xml:"lvlRestart"`
		IsLgl   *valAttr `xml:"isLgl"`
		Suff    *valAttr `xml:"suff"`
	}
	rawNumbering struct {
		Abstracts []struct {
			ID           string     `xml:"abstractNumId,attr"`
			NumStyleLink *valAttr   `xml:"numStyleLink"`
			Levels       []rawLevel `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID        string  `xml:"numId,attr"`
			Abstract  valAttr `xml:"abstractNumId"`
			Overrides []struct {
				Ilvl  string    `xml:"ilvl,attr"`
				Start *valAttr  `xml:"startOverride"`
				Level *rawLevel `xml:"lvl"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	rawNumPr struct {
		Ilvl  *valAttr `xml:"ilvl"`
		NumID *valAttr `xml:"numId"`
	}
	rawStyles struct {
		Styles []struct {
			ID      string    `xml:"styleId,attr"`
			BasedOn *valAttr  `xml:"basedOn"`
			NumPr   *rawNumPr `xml:"pPr>numPr"`
		} `xml:"style"`
	}
)

// style is what numbering needs of a paragraph style.
type style struct {
	basedOn string
	numPr   *rawNumPr
}

// styles are the document's styles by id.
type styles map[string]style

func (r *rawStyles) index() styles {
	st := styles{}
	for _, s := range r.Styles {
		var based string
		if s.BasedOn != nil {
			based = s.BasedOn.Val
		}
		st[s.ID] = style{basedOn: based, numPr: s.NumPr}
	}
	return st
}

// numPr finds the numbering a style gives, through its basedOn chain.
func (st styles) numPr(id string) *rawNumPr {
	for range 32 { // bounds a basedOn cycle
		s, ok := st[id]
		if !ok {
			return nil
		}
		if s.numPr != nil {
			return s.numPr
		}
		id = s.basedOn
	}
	return nil
}

// level is one resolved list level.
type level struct {
	start   int
	format  string // numFmt
	text    string // lvlText
	restart int    // lvlRestart; -1 when absent
	legal   bool   // isLgl
	suffix  string // suff: tab, space or nothing
}

func (l *level) read(r *rawLevel) {
	*l = level{format: "decimal", restart: -1}
	if r.Start != nil {
		l.start, _ = strconv.Atoi(r.Start.Val)
	}
	if r.NumFmt != nil {
		l.format = r.NumFmt.Val
	}
	if r.LvlText != nil {
		l.text = r.LvlText.Val
	}
	if r.Restart != nil {
		if n, err := strconv.Atoi(r.Restart.Val); err == nil {
			l.restart = n
		}
	}
	if r.IsLgl != nil {
		l.legal = r.IsLgl.Val != "0" && r.IsLgl.Val != "false" && r.IsLgl.Val != "off"
	}
	if r.Suff != nil {
		l.suffix = r.Suff.Val
	}
}

// list is a w:num resolved against its abstractNum and overrides.
type list struct {
	levels  [9]level
	counter string // key of the counters it advances
}

// counters are a list's current numbers per level; a level not set shows
// its start and starts there when next used.
type counters struct {
	val [9]int
	set [9]bool
}

// numbering computes the numbers Word shows in front of numbered
// paragraphs. It is used by one parser, in document order.
type numbering struct {
	lists    map[string]*list
	styles   styles
	counters map[string]*counters
}

// newNumbering resolves raw (nil when the document has no numbering) with
// st. Lists sharing an abstractNum share their counters, as in Word, unless
// a list restarts a level with w:startOverride: then it counts on its own.
func newNumbering(raw *rawNumbering, st styles) *numbering {
	n := &numbering{lists: map[string]*list{}, styles: st, counters: map[string]*counters{}}
	if raw == nil {
		return n
	}
	abstracts := map[string]int{}
	for i, a := range raw.Abstracts {
		abstracts[a.ID] = i
	}
	numAbstract := map[string]string{}
	for _, m := range raw.Nums {
		numAbstract[m.ID] = m.Abstract.Val
	}
	// resolve follows w:numStyleLink: the levels live in the abstractNum of
	// the numbering style's own list.
	resolve := func(id string) (string, bool) {
		for range 4 {
			i, ok := abstracts[id]
			if !ok {
				return "", false
			}
			a := raw.Abstracts[i]
			if a.NumStyleLink == nil {
				return id, true
			}
			pr := st.numPr(a.NumStyleLink.Val)
			if pr == nil || pr.NumID == nil {
				return "", false
			}
			id = numAbstract[pr.NumID.Val]
		}
		return "", false
	}
	for _, m := range raw.Nums {
		aid, ok := resolve(m.Abstract.Val)
		if !ok {
			continue
		}
		l := &list{counter: "abstract " + aid}
		for k := range l.levels {
			l.levels[k] = level{format: "decimal", restart: -1}
		}
		for _, r := range raw.Abstracts[abstracts[aid]].Levels {
			if k, err := strconv.Atoi(r.Ilvl); err == nil && k >= 0 && k < 9 {
				l.levels[k].read(&r)
			}
		}
		for _, o := range m.Overrides {
			k, err := strconv.Atoi(o.Ilvl)
			if err != nil || k < 0 || k >= 9 {
				continue
			}
			if o.Level != nil {
				l.levels[k].read(o.Level)
				l.levels[k].restart = -1 // Word ignores lvlRestart in an override
			}
			if o.Start != nil {
				l.levels[k].start, _ = strconv.Atoi(o.Start.Val)
				l.counter = "num " + m.ID
			}
		}
		n.lists[m.ID] = l
	}
	return n
}

// label advances the counters for a numbered paragraph and returns the
// number Word shows in front of it followed by a space ("4.1. "), with no
// space when the level's w:suff is "nothing"; or "" when the paragraph is
// not numbered or its level shows no number (bullets, numFmt none).
// Direct numbering (w:pPr/w:numPr) overrides the paragraph style's;
// numId 0 cancels numbering.
func (n *numbering) label(ps *paraState) string {
	if n == nil {
		return ""
	}
	id, ilvl := ps.numID, ps.ilvl
	if pr := n.styles.numPr(ps.style); pr != nil {
		if !ps.hasNumID && pr.NumID != nil {
			id = pr.NumID.Val
		}
		if !ps.hasIlvl && pr.Ilvl != nil {
			ilvl, _ = strconv.Atoi(pr.Ilvl.Val)
		}
	}
	l := n.lists[id]
	if id == "0" || l == nil || ilvl < 0 || ilvl >= 9 {
		return ""
	}
	c := n.counters[l.counter]
	if c == nil {
		c = &counters{}
		n.counters[l.counter] = c
	}
	if c.set[ilvl] {
		c.val[ilvl]++
	} else {
		c.val[ilvl], c.set[ilvl] = l.levels[ilvl].start, true
	}
	for j := ilvl + 1; j < 9; j++ {
		// lvlRestart m restarts level j after a use of level m-1 or any
		// higher one; absent, after any higher level; 0, never.
		if r := l.levels[j].restart; r < 0 || ilvl < r {
			c.set[j] = false
		}
	}
	lv := l.levels[ilvl]
	if lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		ch := lv.text[i]
		if ch != '%' || i+1 == len(lv.text) || lv.text[i+1] < '1' || lv.text[i+1] > '9' {
			b.WriteByte(ch)
			continue
		}
		i++
		k := int(lv.text[i] - '1')
		v := l.levels[k].start
		if c.set[k] {
			v = c.val[k]
		}
		format := l.levels[k].format
		if lv.legal {
			format = "decimal"
		}
		b.WriteString(formatNumber(v, format))
	}
	label := strings.TrimSpace(b.String())
	if label == "" || lv.suffix == "nothing" {
		return label
	}
	return label + " "
}

// formatNumber writes v in the list number format; formats not listed are
// written as decimal.
func formatNumber(v int, format string) string {
	return listnum.Format(v, numFormats[format]) // Decimal, the zero Style, for the rest
}

var numFormats = map[string]listnum.Style{
	"none": listnum.None, "bullet": listnum.None, "decimalZero": listnum.DecimalZero,
	"lowerLetter": listnum.LowerLetter, "upperLetter": listnum.UpperLetter,
	"lowerRoman": listnum.LowerRoman, "upperRoman": listnum.UpperRoman,
}
