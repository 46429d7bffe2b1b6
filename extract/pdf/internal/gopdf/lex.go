package gopdf

import (
	"bytes"
	"errors"
	"strconv"
)

// kind is the type of a content-stream operand.
type kind uint8

const (
	kNum    kind = iota
	kStr         // literal or hex string, decoded
	kName        // without the slash
	kArr         // elements in operand.arr
	kDict        // a dictionary: its /ActualText string in operand.b, num 1 when it has one
	kRawArr      // an array of the form rawArray accepts, its text (inside the brackets) in operand.b
	kOther       // booleans and null: never used by the operators we read
)

// operand is one content-stream operand (TJ arrays make thousands a
// page: it is kept small).
type operand struct {
	b   []byte // kStr: bytes; kName: name; kDict: /ActualText
	arr []operand
	num float64
	k   kind
}

// errSyntax reports a content stream we cannot tokenise.
var errSyntax = errors.New("content stream syntax")

// errNotRaw reports a TJ array the lexer gave as kRawArr that does not
// have rawArray's forms.
var errNotRaw = errors.New("TJ array not of rawArray's forms")

// lexer splits a content stream into operands and operators (PDF 32000-1
// 7.2 and 8.9.7 for inline images).
type lexer struct {
	s   []byte
	pos int
	// buf holds the decoded strings and arr the array elements of the
	// current operator's operands: both are reused for the next operator,
	// so operands must not be kept past it.
	buf   []byte
	arr   []operand
	args  []operand // the operands of the current operator
	depth int       // arrays and dictionaries open
	// raw has arrays returned as kRawArr operands (content streams):
	// an array right before TJ as the text up to the first ']', which
	// show reads if it has rawArray's forms (errNotRaw if not: run reads
	// the operator again without raw); another array if rawArray accepts
	// it.
	raw   bool
	image bool // the last operator was ID: inline image data follows
	// bracket is the first ']' at or after where beforeTJ last looked
	// (len(s) for none), and tj whether TJ follows it: the '['s before
	// it need no search of their own, which keeps the lexer linear.
	bracket int
	tj      bool
}

func isSpace(c byte) bool { return classes[c] == cSpace }

// Byte classes of the lexer.
const (
	cRegular = iota
	cSpace   // white space
	cDelim   // a delimiter
	cOdd     // 0x80 and 0xFF: white space to PDFium, regular to PDF 32000-1
)

// classes holds each byte's class: one load per byte read. A token ends
// at a byte of cOdd, and none starts there: a content stream with one
// outside a string or an inline image's data is a syntax error (PDFium,
// for which such a byte splits "Tj\x80" into Tj and white space, and the
// specification, for which it is one unknown operator, read it apart).
var classes = func() (t [256]uint8) {
	for _, c := range []byte(" \n\r\t\f\x00") {
		t[c] = cSpace
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = cDelim
	}
	t[0x80], t[0xFF] = cOdd, cOdd
	return t
}()

// What a token's first byte starts, for next: a keyword (an operator,
// true, false or null), a number, an array, another operand, or nothing
// (a syntax error).
const (
	sWord = iota
	sNum
	sArr
	sOperand
	sBad
)

var starts = func() (t [256]uint8) {
	for _, c := range []byte("+-.0123456789") {
		t[c] = sNum
	}
	t['['] = sArr
	for _, c := range []byte("(</") {
		t[c] = sOperand
	}
	for _, c := range []byte("])}{>\x80\xff") {
		t[c] = sBad
	}
	return t
}()

// skip passes white space and comments.
func (l *lexer) skip() {
	for l.pos < len(l.s) {
		c := l.s[l.pos]
		if isSpace(c) {
			l.pos++
		} else if c == '%' {
			for l.pos < len(l.s) && l.s[l.pos] != '\n' && l.s[l.pos] != '\r' {
				l.pos++
			}
		} else {
			return
		}
	}
}

// beforeTJ returns the index of the first ']' after the '[' at l.pos
// when the next token after it is the operator TJ.
func (l *lexer) beforeTJ() (end int, ok bool) {
	if l.pos >= l.bracket {
		l.bracket, l.tj = len(l.s), false
		if i := bytes.IndexByte(l.s[l.pos:], ']'); i >= 0 {
			l.bracket = l.pos + i
			at := lexer{s: l.s, pos: l.bracket + 1}
			at.skip()
			s := at.s[at.pos:]
			l.tj = len(s) >= 2 && s[0] == 'T' && s[1] == 'J' && (len(s) == 2 || classes[s[2]] != cRegular)
		}
	}
	return l.bracket, l.tj
}

// next reads one token: an operand (op == nil) or an operator. At the end
// it returns ok false.
func (l *lexer) next(args []operand) (_ []operand, op []byte, ok bool, err error) {
	l.buf, l.arr = l.buf[:0], l.arr[:0]
	for {
		l.skip()
		if l.pos >= len(l.s) {
			return args, nil, false, nil
		}
		switch starts[l.s[l.pos]] {
		case sBad:
			return args, nil, false, errSyntax
		case sNum:
			n, err := l.number()
			if err != nil {
				return args, nil, false, err
			}
			args = append(args, operand{k: kNum, num: n})
		case sArr:
			if l.raw {
				// An array before TJ is checked as show reads it, in
				// one pass; rawArray would read it twice.
				if end, ok := l.beforeTJ(); ok {
					args = append(args, operand{k: kRawArr, b: l.s[l.pos+1 : end]})
					l.pos = end + 1
					continue
				}
				if end, ok := rawArray(l.s, l.pos); ok {
					args = append(args, operand{k: kRawArr, b: l.s[l.pos+1 : end]})
					l.pos = end + 1
					continue
				}
			}
			fallthrough
		case sOperand:
			o, err := l.operand()
			if err != nil {
				return args, nil, false, err
			}
			args = append(args, o)
		default:
			start := l.pos
			for l.pos < len(l.s) && classes[l.s[l.pos]] == cRegular {
				l.pos++
			}
			word := l.s[start:l.pos]
			switch string(word) {
			case "true", "false", "null":
				args = append(args, operand{k: kOther})
				continue
			}
			return args, word, true, nil
		}
	}
}

// each calls fn with each operator and its operands, in order, until fn
// returns an error or the stream ends (see op). Operands are valid only
// during the call.
func (l *lexer) each(fn func(op []byte, args []operand) error) error {
	for {
		op, ok, err := l.op()
		if err != nil || !ok {
			return err
		}
		if err := fn(op, l.args); err != nil {
			return err
		}
	}
}

// op reads the next operator, its operands in l.args (valid until the
// next call); ok is false at the end. The data of an inline image, after
// its ID operator, is skipped at the call after ID's.
func (l *lexer) op() (op []byte, ok bool, err error) {
	if l.image {
		l.image = false
		if err := l.skipInlineImage(); err != nil {
			return nil, false, err
		}
	}
	if l.args, op, ok, err = l.next(l.args[:0]); err != nil || !ok {
		return nil, false, err
	}
	l.image = string(op) == "ID"
	return op, true, nil
}

// operand reads one operand at l.pos (white space skipped).
func (l *lexer) operand() (operand, error) {
	c := l.s[l.pos]
	switch {
	case c == '(':
		b, err := l.literal()
		return operand{k: kStr, b: b}, err
	case c == '<':
		if l.pos+1 < len(l.s) && l.s[l.pos+1] == '<' {
			at, ok, err := l.dict()
			o := operand{k: kDict, b: at}
			if ok {
				o.num = 1
			}
			return o, err
		}
		b, err := l.hex()
		return operand{k: kStr, b: b}, err
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.s) && classes[l.s[l.pos]] == cRegular {
			l.pos++
		}
		name := l.s[start:l.pos]
		if bytes.IndexByte(name, '#') >= 0 {
			name = unescapeName(name)
		}
		return operand{k: kName, b: name}, nil
	case c == '[':
		a, err := l.array()
		return operand{k: kArr, arr: a}, err
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		n, err := l.number()
		return operand{k: kNum, num: n}, err
	}
	// A keyword inside an array or dictionary (true, false, null).
	start := l.pos
	for l.pos < len(l.s) && classes[l.s[l.pos]] == cRegular {
		l.pos++
	}
	if l.pos == start {
		return operand{}, errSyntax
	}
	return operand{k: kOther}, nil
}

// array reads an [array] at l.pos. A top-level array's elements go to
// the shared l.arr; nested ones (rare in content streams) get their own.
func (l *lexer) array() ([]operand, error) {
	shared := l.depth == 0
	var arr []operand
	start := len(l.arr)
	l.depth++
	l.pos++
	for {
		l.skip()
		if l.pos >= len(l.s) {
			l.depth--
			return nil, errSyntax
		}
		c := l.s[l.pos]
		if c == ']' {
			l.pos++
			l.depth--
			if shared {
				arr = l.arr[start:len(l.arr):len(l.arr)]
			}
			return arr, nil
		}
		// The element is read in place (nothing read inside it
		// appends to l.arr: nested arrays have their own).
		var o *operand
		if shared {
			l.arr = append(l.arr, operand{})
			o = &l.arr[len(l.arr)-1]
		} else {
			arr = append(arr, operand{})
			o = &arr[len(arr)-1]
		}
		var err error
		// The elements of TJ arrays (numbers and strings) first.
		switch {
		case c == '-' || c >= '0' && c <= '9':
			o.k = kNum
			o.num, err = l.number()
		case c == '<' && (l.pos+1 == len(l.s) || l.s[l.pos+1] != '<'):
			o.k = kStr
			o.b, err = l.hex()
		case c == '(':
			o.k = kStr
			o.b, err = l.literal()
		default:
			*o, err = l.operand()
		}
		if err != nil {
			l.depth--
			return nil, err
		}
	}
}

// rawArray reports whether the array at s[start] ('[') holds only what
// array reads into strings and numbers with neither escapes nor odd forms
// (hex strings of an even number of digits without white space, and
// numbers numPrefix reads whole), separated by white space, as TJ arrays
// do; end is the index of its ']'.
func rawArray(s []byte, start int) (end int, ok bool) {
	i := start + 1
	for i < len(s) {
		c := s[i]
		switch {
		case c == ']':
			return i, true
		case isSpace(c):
			i++
		case c == '<':
			i++
			for i+1 < len(s) && hexDigits[s[i]] != 0 && hexDigits[s[i+1]] != 0 {
				i += 2
			}
			if i == len(s) || s[i] != '>' {
				return 0, false
			}
			i++
		case c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9':
			if !rawNumber(s[i:]) {
				return 0, false
			}
			for i++; i < len(s) && numByte(s[i]); i++ {
			}
			if i < len(s) && classes[s[i]] == cRegular { // the token goes on ("1+2", "5x"): number reads it
				return 0, false
			}
		default:
			return 0, false
		}
	}
	return 0, false
}

// rawNumber reports whether the number at the start of b (its first
// byte a sign, a point or a digit) has numPrefix's form: a sign, digits,
// a point, digits, up to the first byte that is not a digit, a point or
// '-'.
func rawNumber(b []byte) bool {
	dot := b[0] == '.'
	for i := 1; i < len(b) && numByte(b[i]); i++ {
		if b[i] == '-' || b[i] == '.' && dot {
			return false
		}
		dot = dot || b[i] == '.'
	}
	return true
}

// rawText reports whether rawArray accepts the array whose text, up to
// its first ']', is raw.
func rawText(raw []byte) bool {
	s := make([]byte, 0, len(raw)+2)
	s = append(append(append(s, '['), raw...), ']')
	end, ok := rawArray(s, 0)
	return ok && end == len(s)-1
}

// number reads the number at l.pos: the token there, all the regular
// bytes up to white space or a delimiter (PDF 32000-1 7.2.2), as PDFium
// reads it. The usual form, [+-]digits[.digits], is read in one pass;
// other forms of digits, signs and points go to parseNum. A token with
// any other byte ("12Tf", where a space was lost) is errSyntax: PDFium
// reads it as one unknown word (an operator that drops the operands
// before it; nothing in an array), so that what follows (a font never
// set, a position never moved) is not what the token's number would
// give; the page is declined.
func (l *lexer) number() (float64, error) {
	n, neg, k := numPrefix(l.s[l.pos:])
	if i := l.pos + k; i == len(l.s) || classes[l.s[i]] != cRegular { // the token ends here
		l.pos = i
		if neg {
			n = -n
		}
		return n, nil
	}
	start := l.pos
	for ; l.pos < len(l.s) && classes[l.s[l.pos]] == cRegular; l.pos++ {
		if c := l.s[l.pos]; !numByte(c) && c != '+' {
			return 0, errSyntax
		}
	}
	return parseNum(l.s[start:l.pos]), nil
}

// numByte reports whether c is a digit, a point or '-': the bytes of
// numPrefix's forms after the first.
func numByte(c byte) bool { return c >= '0' && c <= '9' || c == '.' || c == '-' }

// parseNum reads a PDF number leniently, as readers do: "--5" or "5-" read
// as far as they make sense, and garbage as 0.
func parseNum(b []byte) float64 {
	n, neg, i := numPrefix(b)
	if i < len(b) {
		// Odd forms such as "1-2": keep what parsed, as PDFium does.
		if f, err := strconv.ParseFloat(string(b[:i]), 64); err == nil {
			n = f
			if neg {
				n = -n
			}
			return n
		}
	}
	if neg {
		n = -n
	}
	return n
}

// numPrefix reads [+-]digits[.digits] at the start of b (each part may
// be empty): its value without the sign, whether the sign is '-', and its
// length.
func numPrefix(b []byte) (n float64, neg bool, i int) {
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg = b[i] == '-'
		i++
	}
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		n = n*10 + float64(b[i]-'0')
	}
	if i < len(b) && b[i] == '.' {
		i++
		scale := 0.1
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			n += float64(b[i]-'0') * scale
			scale /= 10
		}
	}
	return n, neg, i
}

func unescapeName(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return out
}

// literal reads a (string) with nested parentheses and escapes.
func (l *lexer) literal() ([]byte, error) {
	l.pos++ // (
	start := l.pos
	depth := 1
	plain := true
	for l.pos < len(l.s) {
		c := l.s[l.pos]
		switch c {
		case '\\':
			plain = false
			l.pos += 2
			continue
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				raw := l.s[start:l.pos]
				l.pos++
				if plain {
					return raw, nil
				}
				return unescapeLiteral(raw), nil
			}
		case '\r':
			plain = false // end-of-line markers read as \n
		}
		l.pos++
	}
	return nil, errSyntax
}

func unescapeLiteral(raw []byte) []byte {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '\r' {
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '\\' || i+1 >= len(raw) {
			out = append(out, c)
			continue
		}
		i++
		c = raw[i]
		switch c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			if c >= '0' && c <= '7' {
				v := int(c - '0')
				for k := 0; k < 2 && i+1 < len(raw) && raw[i+1] >= '0' && raw[i+1] <= '7'; k++ {
					i++
					v = v*8 + int(raw[i]-'0')
				}
				out = append(out, byte(v))
			} else {
				out = append(out, c)
			}
		}
	}
	return out
}

// hex reads a <hex string>; an odd final digit is padded with 0.
func (l *lexer) hex() ([]byte, error) {
	l.pos++
	if b, ok := l.plainHex(); ok {
		return b, nil
	}
	start := len(l.buf)
	out := l.buf
	var hi byte
	half := false
	for l.pos < len(l.s) {
		c := l.s[l.pos]
		l.pos++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			l.buf = out
			return out[start:len(out):len(out)], nil
		}
		v, ok := hexVal(c)
		if !ok {
			if isSpace(c) {
				continue
			}
			return nil, errSyntax
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, errSyntax
}

// plainHex is hex for the usual string, an even number of hex digits
// without white space up to '>': it decodes it (l.pos after it), else
// leaves l.pos and returns ok false.
func (l *lexer) plainHex() (_ []byte, ok bool) {
	s, i := l.s, l.pos
	start := len(l.buf)
	out := l.buf // written past its length only: l.buf changes on success
	for i+1 < len(s) {
		hi, lo := hexDigits[s[i]], hexDigits[s[i+1]]
		if hi == 0 || lo == 0 {
			break
		}
		out = append(out, (hi-1)<<4|(lo-1))
		i += 2
	}
	if i == len(s) || s[i] != '>' {
		return nil, false
	}
	l.buf = out
	l.pos = i + 1
	return out[start:len(out):len(out)], true
}

func hexVal(c byte) (byte, bool) {
	v := hexDigits[c]
	return v - 1, v != 0
}

// hexDigits holds each hex digit's value plus one, 0 for other bytes.
var hexDigits = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case c >= '0' && c <= '9':
			t[c] = byte(c-'0') + 1
		case c >= 'a' && c <= 'f':
			t[c] = byte(c-'a') + 11
		case c >= 'A' && c <= 'F':
			t[c] = byte(c-'A') + 11
		}
	}
	return t
}()

// dict reads a << dictionary >> (marked-content properties, inline image
// parameters), nested ones included, and returns its /ActualText string;
// ok reports whether it has one.
func (l *lexer) dict() (at []byte, ok bool, err error) {
	l.pos += 2
	l.depth++
	defer func() { l.depth-- }()
	for {
		l.skip()
		if l.pos >= len(l.s) {
			return nil, false, errSyntax
		}
		if l.s[l.pos] == '>' {
			if l.pos+1 < len(l.s) && l.s[l.pos+1] == '>' {
				l.pos += 2
				return at, ok, nil
			}
			return nil, false, errSyntax
		}
		k, err := l.operand()
		if err != nil {
			return nil, false, err
		}
		l.skip()
		if l.pos >= len(l.s) {
			return nil, false, errSyntax
		}
		v, err := l.operand()
		if err != nil {
			return nil, false, err
		}
		if k.k == kName && v.k == kStr && string(k.b) == "ActualText" {
			at, ok = v.b, true
		}
	}
}

// skipInlineImage passes the data of an inline image after its ID
// operator, up to and including EI: the first "EI" between white space.
func (l *lexer) skipInlineImage() error {
	l.pos++ // the single white-space byte after ID
	for i := l.pos; i+1 < len(l.s); i++ {
		if l.s[i] == 'E' && l.s[i+1] == 'I' && (i == 0 || isSpace(l.s[i-1])) && (i+2 == len(l.s) || isSpace(l.s[i+2])) {
			l.pos = i + 2
			return nil
		}
	}
	return errSyntax
}
