// Package zipsafe opens the parts of zip-based documents (DOCX, ODT) under
// caps on the bytes they may decompress, so that a zip bomb fails with
// hesabat.ErrTooLarge instead of exhausting memory. The caps hold while
// reading, whatever the zip headers declare.
package zipsafe

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/hesabat/hesabat"
)

// Limits bounds the work one archive may cause. The zero value picks the
// defaults.
type Limits struct {
	// MaxUncompressed caps the total bytes decompressed from the parts
	// read; 0 means DefaultMaxUncompressed.
	MaxUncompressed int64
	// MaxRatio caps the compression ratio of a part larger than 1 MiB
	// (uncompressed/compressed), declared or counted while reading; 0 means
	// DefaultMaxRatio.
	MaxRatio float64
}

// Defaults for Limits fields left zero, and fixed caps.
const (
	DefaultMaxUncompressed = 256 << 20
	DefaultMaxRatio        = 100
	// ratioFloor is the size below which a part's ratio is not checked:
	// small parts cannot be bombs, and tiny XML parts compress very well.
	ratioFloor = 1 << 20
	// MaxEntries caps the number of entries in the zip directory.
	MaxEntries = 10000
)

// WithDefaults returns l with zero fields replaced by the defaults.
func (l Limits) WithDefaults() Limits {
	if l.MaxUncompressed <= 0 {
		l.MaxUncompressed = DefaultMaxUncompressed
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	return l
}

// ErrTooLarge is the error of a read past the caps.
var ErrTooLarge = errors.New("uncompressed size or compression ratio over the limit")

// bombHint is the hint of every ErrTooLarge failure.
const bombHint = "a zip bomb, or a document too big for the configured limits"

// Archive is an opened zip: its entries by normalised name (see Name) and
// what is left of the budget of decompressed bytes.
type Archive struct {
	path   string
	resave string // hint for damaged files: "open and re-save it in Word"
	Files  map[string]*zip.File
	limits Limits
	budget int64
}

// New indexes zr's entries for the file path. resave is the hint given
// for damaged archives ("open and re-save it in Word"). It fails with an
// *hesabat.Error on too many entries or two entries of the same name.
func New(path string, zr *zip.Reader, l Limits, resave string) (*Archive, error) {
	l = l.WithDefaults()
	if len(zr.File) > MaxEntries {
		return nil, hesabat.Errorf(path, hesabat.ErrTooLarge, "", "%d zip entries (limit %d)", len(zr.File), MaxEntries)
	}
	a := &Archive{path: path, resave: resave, Files: map[string]*zip.File{}, limits: l, budget: l.MaxUncompressed}
	for _, f := range zr.File {
		n := Name(f.Name)
		if _, dup := a.Files[n]; dup {
			return nil, hesabat.Errorf(path, hesabat.ErrCorrupt, "the file may have been tampered with; "+resave, "duplicate zip entry %q", f.Name)
		}
		a.Files[n] = f
	}
	return a, nil
}

// Name normalises a zip entry name or a reference to one, so that names
// compare as OPC and ODF readers compare them: percent-decoded, "/"
// separated, no leading "/", ASCII lower case, "." and ".." resolved.
func Name(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	s = strings.ReplaceAll(s, `\`, "/")
	s = strings.TrimPrefix(path.Clean("/"+s), "/")
	return ASCIILower(s)
}

// ASCIILower lowers ASCII letters only; part names, content types and
// media types are ASCII-case-insensitive, and Unicode case mapping would be
// wrong for them.
func ASCIILower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// Open opens the entry named name (normalised) for reading under the caps.
// It fails with an *hesabat.Error; reads past the caps fail with
// ErrTooLarge.
func (a *Archive) Open(name string) (io.ReadCloser, error) {
	f := a.Files[name]
	if f == nil {
		return nil, hesabat.Errorf(a.path, hesabat.ErrCorrupt, "", "no part %s", name)
	}
	if int64(f.UncompressedSize64) > a.budget || f.UncompressedSize64 > 1<<62 {
		return nil, hesabat.Errorf(a.path, hesabat.ErrTooLarge, bombHint, "%s declares %d bytes uncompressed, over what is left of the %d-byte limit", name, f.UncompressedSize64, a.limits.MaxUncompressed)
	}
	if tooDense(float64(f.UncompressedSize64), f.CompressedSize64, a.limits.MaxRatio) {
		return nil, hesabat.Errorf(a.path, hesabat.ErrTooLarge, bombHint, "%s declares compression ratio over %g", name, a.limits.MaxRatio)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, hesabat.Errorf(a.path, hesabat.ErrUnsupported, a.resave, "%s: %v", name, err)
	}
	return &capReader{rc: rc, a: a, compressed: f.CompressedSize64}, nil
}

// ReadAll reads a whole (small) entry. It fails with an *hesabat.Error.
func (a *Archive) ReadAll(name string) ([]byte, error) {
	rc, err := a.Open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		if we := a.Wrap(name, err); we != nil {
			return nil, we
		}
		return nil, hesabat.Errorf(a.path, hesabat.ErrCorrupt, "the file is damaged; "+a.resave, "%s: %v", name, err)
	}
	return b, nil
}

// Wrap turns an error met while reading entry name into an *hesabat.Error
// when it is one this package knows: an *hesabat.Error itself, a
// cancellation, ErrTooLarge, a damaged zip stream. It returns nil for other
// errors (malformed content), which the caller describes better.
func (a *Archive) Wrap(name string, err error) error {
	var he *hesabat.Error
	switch {
	case errors.As(err, &he):
		return he
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return &hesabat.Error{Path: a.path, Err: err}
	case errors.Is(err, ErrTooLarge):
		return hesabat.Errorf(a.path, hesabat.ErrTooLarge, bombHint, "%s: uncompressed size or compression ratio over the limit (%d bytes, ratio %g)", name, a.limits.MaxUncompressed, a.limits.MaxRatio)
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, io.ErrUnexpectedEOF):
		return hesabat.Errorf(a.path, hesabat.ErrCorrupt, "the zip container is damaged; "+a.resave, "%s: %v", name, err)
	}
	return nil
}

// tooDense reports whether n uncompressed bytes from compressed ones exceed
// the ratio cap, for parts over ratioFloor.
func tooDense(n float64, compressed uint64, ratio float64) bool {
	return n > ratioFloor && n > ratio*float64(compressed)
}

// capReader counts the bytes read from an entry against the archive's
// budget and the ratio cap; past either it fails with ErrTooLarge.
type capReader struct {
	rc         io.ReadCloser
	a          *Archive
	n          int64
	compressed uint64
}

func (c *capReader) Read(b []byte) (int, error) {
	if int64(len(b)) > c.a.budget+1 {
		b = b[:c.a.budget+1]
	}
	n, err := c.rc.Read(b)
	c.n += int64(n)
	c.a.budget -= int64(n)
	if c.a.budget < 0 || tooDense(float64(c.n), c.compressed, c.a.limits.MaxRatio) {
		return n, ErrTooLarge
	}
	return n, err
}

func (c *capReader) Close() error { return c.rc.Close() }
