package hesabat

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors name the kind of a failure; test them with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrUnsupported = errors.New("unsupported format")
	ErrEncrypted   = errors.New("encrypted")
	ErrCorrupt     = errors.New("corrupt")
	ErrNoTable     = errors.New("no measure table")
	ErrTooLarge    = errors.New("too large")
	ErrTimeout     = errors.New("time limit exceeded")
	ErrScanned     = errors.New("scanned") // no page has text: a scan that needs OCR
)

// Error is a failure to process one file. It prints on one line as
//
//	reports/x.pdf: page 3: corrupt: broken xref (hint: …)
//
// and wraps the sentinel error that classifies it.
type Error struct {
	Path string // the file, as given
	Page int    // 1-based page, 0 when unknown or irrelevant
	Err  error  // the cause; wraps a sentinel where one fits
	Hint string // what the user can do about it, "" when nothing useful
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Page > 0 {
		fmt.Fprintf(&b, "page %d: ", e.Page)
	}
	if e.Err != nil {
		b.WriteString(strings.ReplaceAll(e.Err.Error(), "\n", " "))
	}
	if e.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error for path wrapping kind, with a message built from
// format and args. The message is printed after the kind:
// Errorf("a.docx", ErrCorrupt, "", "bad XML at byte %d", 10) prints
// "a.docx: corrupt: bad XML at byte 10".
func Errorf(path string, kind error, hint, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	var err error = kind
	if msg != "" {
		err = fmt.Errorf("%w: %s", kind, msg)
	}
	return &Error{Path: path, Err: err, Hint: hint}
}
