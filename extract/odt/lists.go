package odt

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/hesabat/hesabat/extract/internal/listnum"
)

// maxLevel is the deepest list level ODF defines.
const maxLevel = 10

// listLevel is one level of a list style (text:list-level-style-number).
// A nil level is a bullet or image level, or one the style lacks: its
// items get no number.
type listLevel struct {
	format         string // style:num-format: "1", "a", "A", "i", "I"; "" for none
	prefix, suffix string
	display        int    // text:display-levels: how many levels the label shows
	start          int    // text:start-value
	template       string // loext:num-list-format, "%1%.%2%.", when the writer gave one
}

// listStyle is a text:list-style's levels, 1-based.
type listStyle [maxLevel + 1]*listLevel

// counters are the numbers of one list (a list and the lists continuing
// it), per level; 0 is "not used yet".
type counters [maxLevel + 1]int

// lists is what numbering lists needs across the parts of one file: the
// list styles by name, and the counters of lists by xml:id and of the
// last list of each style, which text:continue-list and
// text:continue-numbering continue.
type lists struct {
	styles  map[string]*listStyle
	byID    map[string]*counters
	byStyle map[string]*counters
}

func newLists() *lists {
	return &lists{styles: map[string]*listStyle{}, byID: map[string]*counters{}, byStyle: map[string]*counters{}}
}

// openList is a text:list being read: its style, its counters and its
// level (1 for a top-level list).
type openList struct {
	style *listStyle
	c     *counters
	level int
}

// listStyles reads the text:list-style elements of office:styles or
// office:automatic-styles.
func (p *parser) listStyles() error {
	return p.children(func(e xml.StartElement) error {
		if !is(e.Name, nsText, "list-style") {
			return p.Skip()
		}
		st := &listStyle{}
		p.lists.styles[attr(e, nsStyle, "name")] = st
		return p.children(func(e xml.StartElement) error {
			level, err := strconv.Atoi(attr(e, nsText, "level"))
			if is(e.Name, nsText, "list-level-style-number") && err == nil && level >= 1 && level <= maxLevel {
				st[level] = &listLevel{
					format:   attr(e, nsStyle, "num-format"),
					prefix:   attr(e, nsStyle, "num-prefix"),
					suffix:   attr(e, nsStyle, "num-suffix"),
					display:  count(e, nsText, "display-levels", maxLevel),
					start:    count(e, nsText, "start-value", 1<<20),
					template: attrLocal(e, "num-list-format"),
				}
			}
			return p.Skip()
		}, nil)
	}, nil)
}

// attrLocal returns the attribute named local in any namespace (for the
// writer's extensions, such as LibreOffice's loext).
func attrLocal(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// list reads a text:list. A top-level list continues the counters of the
// list text:continue-list names, or with text:continue-numbering those of
// the last list of its style; else it starts its own. A nested list is a
// level deeper in its parent's counters.
func (p *parser) list(e xml.StartElement, visit func(xml.StartElement) error) error {
	name := attr(e, nsText, "style-name")
	ol := openList{level: 1}
	if n := len(p.open); n > 0 {
		ol = openList{style: p.open[n-1].style, c: p.open[n-1].c, level: min(p.open[n-1].level+1, maxLevel)}
	}
	if st := p.lists.styles[name]; st != nil {
		ol.style = st
	}
	if ol.c == nil {
		switch id := attr(e, nsText, "continue-list"); {
		case id != "" && p.lists.byID[id] != nil:
			ol.c = p.lists.byID[id]
		case attr(e, nsText, "continue-numbering") == "true" && p.lists.byStyle[name] != nil:
			ol.c = p.lists.byStyle[name]
		default:
			ol.c = &counters{}
		}
		p.lists.byStyle[name] = ol.c
	}
	if id := attrLocal(e, "id"); id != "" {
		p.lists.byID[id] = ol.c
	}
	p.open = append(p.open, ol)
	defer func() { p.open = p.open[:len(p.open)-1] }()
	return p.children(visit, nil)
}

// number counts a list item of the innermost open list (start overriding
// the level's start value when not 0) and returns its label, "" for
// bullets and unnumbered levels.
func (p *parser) number(start int) string {
	if len(p.open) == 0 {
		return ""
	}
	ol := p.open[len(p.open)-1]
	var lv *listLevel
	if ol.style != nil {
		lv = ol.style[ol.level]
	}
	c := ol.c
	switch {
	case start > 0:
		c[ol.level] = start
	case c[ol.level] > 0:
		c[ol.level]++
	case lv != nil:
		c[ol.level] = lv.start
	default:
		c[ol.level] = 1
	}
	for k := ol.level + 1; k <= maxLevel; k++ {
		c[k] = 0
	}
	if lv == nil || lv.format == "" {
		return ""
	}
	// value formats level k's counter; a level not used yet shows its start.
	value := func(k int) string {
		n, l := c[k], ol.style[k]
		if l == nil {
			return strconv.Itoa(max(n, 1))
		}
		if n == 0 {
			n = l.start
		}
		return formatNumber(n, l.format)
	}
	if lv.template != "" {
		s := lv.template
		for k := ol.level; k >= 1; k-- {
			s = strings.ReplaceAll(s, "%"+strconv.Itoa(k)+"%", value(k))
		}
		return s
	}
	var parts []string
	for k := max(1, ol.level-lv.display+1); k <= ol.level; k++ {
		parts = append(parts, value(k))
	}
	return lv.prefix + strings.Join(parts, ".") + lv.suffix
}

// formatNumber writes n in an ODF number format: "1" decimal, "a"/"A"
// letters, "i"/"I" Roman numerals; unknown formats are decimal.
func formatNumber(n int, format string) string {
	return listnum.Format(n, numFormats[format])
}

var numFormats = map[string]listnum.Style{"a": listnum.LowerLetter, "A": listnum.UpperLetter, "i": listnum.LowerRoman, "I": listnum.UpperRoman}
