package doc

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode/utf16"

	"github.com/hesabat/hesabat/extract/internal/listnum"
)

// Indexes into FibRgFcLcb97 of the list tables.
const (
	rgPlfLst = 73
	rgPlfLfo = 74
)

// Modifiers of a paragraph's list membership.
const (
	sprmPIlvl = 0x260A // the list level, 0-8
	sprmPIlfo = 0x460B // 1-based index of the list format override
)

// level is one level of a list ([MS-DOC] 2.9.150 LVL): its start, its
// number format, whether all its numbers show in decimal, and its number
// text, in which the characters 0-8 stand for the levels' numbers.
type level struct {
	start  int
	nfc    byte
	legal  bool
	text   []uint16
	follow byte // 0 tab, 1 space, 2 nothing after the number
}

// list is one list definition (LSTF and its levels).
type list struct {
	id     uint32
	levels []level
}

// override is one list format override (LFO): the list it numbers and the
// starts it overrides per level.
type override struct {
	list   *list
	starts map[int]int
}

// numbering holds a file's lists and their counters. Lists sharing a
// list definition share counters, as Word numbers them.
type numbering struct {
	lfos     []override
	counters map[uint32]*[9]int // by list id; 0 is "not used yet"
}

// readNumbering reads the list definitions (PlfLst, followed in the
// table stream by their levels) and the overrides (PlfLfo).
func readNumbering(f *fib, table []byte) (*numbering, error) {
	le := binary.LittleEndian
	lst, err := f.span(table, rgPlfLst)
	if err != nil {
		return nil, err
	}
	lfo, err := f.span(table, rgPlfLfo)
	if err != nil {
		return nil, err
	}
	num := &numbering{counters: map[uint32]*[9]int{}}
	if len(lst) < 2 || len(lfo) < 4 {
		return num, nil
	}
	n := int(int16(le.Uint16(lst)))
	if n < 0 || 2+28*n > len(lst) {
		return nil, errors.New("damaged list table")
	}
	// The levels follow the PlfLst.
	at := int(le.Uint32(f.fcLcb[8*rgPlfLst:])) + len(lst)
	byID := map[uint32]*list{}
	for i := range n {
		lstf := lst[2+28*i:]
		l := &list{id: le.Uint32(lstf)}
		count := 9
		if lstf[26]&1 != 0 { // fSimpleList
			count = 1
		}
		for range count {
			lv, next, err := readLevel(table, at)
			if err != nil {
				return nil, err
			}
			l.levels = append(l.levels, lv)
			at = next
		}
		byID[l.id] = l
	}
	m := int(le.Uint32(lfo))
	if m < 0 || 4+16*m > len(lfo) {
		return nil, errors.New("damaged list override table")
	}
	// Each LFO's LFOData follows the array of LFOs: a CP, then one LFOLVL
	// per overridden level.
	data := lfo[4+16*m:]
	for i := range m {
		o := lfo[4+16*i:]
		ov := override{list: byID[le.Uint32(o)], starts: map[int]int{}}
		if len(data) < 4 {
			return nil, errors.New("damaged list override table")
		}
		data = data[4:]
		for range int(o[12]) { // clfolvl
			if len(data) < 8 {
				return nil, errors.New("damaged list override table")
			}
			start, flags := int(int32(le.Uint32(data))), le.Uint32(data[4:])
			data = data[8:]
			if flags&0x10 != 0 { // fStartAt
				ov.starts[int(flags&0xF)] = start
			}
			if flags&0x20 != 0 { // fFormatting: a whole LVL follows
				_, next, err := readLevel(data, 0)
				if err != nil {
					return nil, err
				}
				data = data[next:]
			}
		}
		num.lfos = append(num.lfos, ov)
	}
	return num, nil
}

// readLevel reads the LVL at b[at:] and returns it with the offset just
// after it.
func readLevel(b []byte, at int) (level, int, error) {
	le := binary.LittleEndian
	if at < 0 || at+28 > len(b) {
		return level{}, 0, errors.New("damaged list level")
	}
	f := b[at : at+28]
	lv := level{start: int(int32(le.Uint32(f))), nfc: f[4], legal: f[5]&4 != 0, follow: f[15]}
	at += 28 + int(f[24]) + int(f[25]) // grpprlPapx and grpprlChpx
	if at+2 > len(b) {
		return level{}, 0, errors.New("damaged list level")
	}
	cch := int(le.Uint16(b[at:]))
	at += 2
	if at+2*cch > len(b) {
		return level{}, 0, errors.New("damaged list level")
	}
	for k := range cch {
		lv.text = append(lv.text, le.Uint16(b[at+2*k:]))
	}
	return lv, at + 2*cch, nil
}

// label counts a paragraph of list override ilfo (1-based) at level ilvl
// and returns its number as Word shows it, "" when it has none.
func (num *numbering) label(ilfo, ilvl int) string {
	if num == nil || ilfo < 1 || ilfo > len(num.lfos) || ilvl < 0 || ilvl > 8 {
		return ""
	}
	ov := num.lfos[ilfo-1]
	l := ov.list
	if l == nil || ilvl >= len(l.levels) {
		return ""
	}
	c := num.counters[l.id]
	if c == nil {
		c = &[9]int{}
		num.counters[l.id] = c
	}
	startOf := func(k int) int {
		if s, ok := ov.starts[k]; ok {
			return s
		}
		return l.levels[k].start
	}
	if c[ilvl] == 0 {
		c[ilvl] = startOf(ilvl)
	} else {
		c[ilvl]++
	}
	for k := ilvl + 1; k < 9; k++ {
		c[k] = 0 // deeper levels restart
	}
	lv := l.levels[ilvl]
	if nfcStyles[lv.nfc] == listnum.None {
		return ""
	}
	var b strings.Builder
	for _, u := range lv.text {
		if u > 8 {
			b.WriteString(string(utf16.Decode([]uint16{u})))
			continue
		}
		k := int(u)
		if k >= len(l.levels) {
			continue
		}
		n := c[k]
		if n == 0 {
			n = startOf(k) // a level not used yet shows its start
		}
		nfc := l.levels[k].nfc
		if lv.legal {
			nfc = 0 // decimal
		}
		b.WriteString(formatNumber(n, nfc))
	}
	s := b.String()
	if lv.follow != 2 {
		s += " "
	}
	return s
}

// Number formats (nfc, [MS-DOC] 2.9.171 MSONFC) read; others print as
// decimal.
var nfcStyles = map[byte]listnum.Style{
	1: listnum.UpperRoman, 2: listnum.LowerRoman, 3: listnum.UpperLetter, 4: listnum.LowerLetter,
	22: listnum.DecimalZero, 23: listnum.None, 255: listnum.None,
}

// formatNumber writes n in the format nfc.
func formatNumber(n int, nfc byte) string { return listnum.Format(n, nfcStyles[nfc]) }
