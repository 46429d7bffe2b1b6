// Package ocr recognises the words on scanned pages with Tesseract and its
// Azerbaijani model (Debian packages tesseract-ocr and tesseract-ocr-aze),
// run as a child process under a time and memory limit, one thread each.
//
// Recognize prepares a page image the way table recognition needs it: the
// page is deskewed (the angle that makes text rows and rules level), table
// rules are found and taken out of the picture (Tesseract reads them as
// junk letters) and handed back as hesabat.Rule, and the words come back
// with their boxes in points, so the one layout engine rebuilds the table
// from OCR words exactly as from a text layer.
//
// All functions are safe for concurrent use; each call runs its own child
// process. The caller bounds parallelism (hesabat runs OCR within
// --workers).
package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/hesabat/hesabat"
)

// Options configure recognition. The zero value is usable.
type Options struct {
	// Command is the Tesseract executable; "tesseract" when empty.
	Command string
	// Lang is the Tesseract language; "aze" when empty.
	Lang string
	// Timeout bounds one page; 2 minutes when zero.
	Timeout time.Duration
	// MaxMemory bounds the child's address space in bytes; 2 GiB when zero.
	MaxMemory int64
}

func (o Options) command() string {
	if o.Command == "" {
		return "tesseract"
	}
	return o.Command
}

func (o Options) lang() string {
	if o.Lang == "" {
		return "aze"
	}
	return o.Lang
}

// Packages names what to install for OCR on Debian and Ubuntu.
const Packages = "tesseract-ocr tesseract-ocr-aze"

// ErrUnavailable is returned by Check when Tesseract or its language model
// is not installed.
var ErrUnavailable = errors.New("OCR not available")

// Check reports whether Tesseract and the language model can be run. The
// error wraps ErrUnavailable and says what to install.
func Check(ctx context.Context, o Options) error {
	path, err := exec.LookPath(o.command())
	if err != nil {
		return fmt.Errorf("%w: %s not found (hint: apt-get install %s)", ErrUnavailable, o.command(), Packages)
	}
	out, err := exec.CommandContext(ctx, path, "--list-langs").CombinedOutput()
	if err != nil {
		return fmt.Errorf("%w: %s --list-langs: %v", ErrUnavailable, path, err)
	}
	for _, l := range strings.Fields(string(out)) {
		if l == o.lang() {
			return nil
		}
	}
	return fmt.Errorf("%w: Tesseract has no %q model (hint: apt-get install %s)", ErrUnavailable, o.lang(), Packages)
}

// Page is what Recognize found on one page image, in points (1/72 inch) in
// the deskewed image's frame, origin top-left.
type Page struct {
	Width, Height float64
	Words         []hesabat.Word
	Rules         []hesabat.Rule
	// Skew is the angle in degrees by which the image was turned back
	// before recognition.
	Skew float64
}

// Recognize finds the words and table rules on img, an image of a page at
// dpi dots per inch.
func Recognize(ctx context.Context, img image.Image, dpi float64, o Options) (*Page, error) {
	if dpi <= 0 {
		return nil, fmt.Errorf("ocr: resolution %g dpi", dpi)
	}
	g := grey(img)
	skew := estimateSkew(g)
	if skew != 0 {
		g = rotate(g, -skew)
	}
	rules := eraseRules(g, dpi)
	despeckle(g, dpi)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, g); err != nil {
		return nil, fmt.Errorf("ocr: encode page: %w", err)
	}
	tsv, err := run(ctx, buf.Bytes(), dpi, o)
	if err != nil {
		return nil, err
	}
	scale := 72 / dpi
	words, err := parseTSV(tsv, scale)
	if err != nil {
		return nil, err
	}
	p := &Page{
		Width:  float64(g.Rect.Dx()) * scale,
		Height: float64(g.Rect.Dy()) * scale,
		Words:  words,
		Skew:   skew,
	}
	for _, r := range rules {
		p.Rules = append(p.Rules, hesabat.Rule{X0: r.x0 * scale, Y0: r.y0 * scale, X1: r.x1 * scale, Y1: r.y1 * scale})
	}
	return p, nil
}

// run runs Tesseract on a PNG image and returns its TSV output. One
// thread per process: on a small machine OpenMP threads of several
// processes fight for the cores (a page took 14 s instead of 3.4 s).
func run(ctx context.Context, img []byte, dpi float64, o Options) ([]byte, error) {
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	mem := o.MaxMemory
	if mem <= 0 {
		mem = 2 << 30
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// The shell sets the memory limit (ulimit -v, in KiB) and then becomes
	// Tesseract: the standard library cannot set a child's rlimits.
	args := []string{"-c", `ulimit -v "$1" && shift && exec "$@"`, "sh",
		strconv.FormatInt(mem>>10, 10), o.command(), "stdin", "stdout",
		"-l", o.lang(), "--dpi", strconv.Itoa(int(dpi + 0.5)), "--psm", "3", "tsv"}
	cmd := exec.CommandContext(ctx, "sh", args...)
	cmd.Env = append(cmd.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = bytes.NewReader(img)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("ocr: Tesseract took longer than %v: %w", timeout, hesabat.ErrTimeout)
		}
		return nil, fmt.Errorf("ocr: Tesseract failed: %v: %s", err, firstLine(stderr.String()))
	}
	return stdout.Bytes(), nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// parseTSV reads Tesseract's TSV output: one row per page, block,
// paragraph, line and word; words (level 5) come back with boxes scaled by
// scale and their line's height as Size. Rows that are not words, and
// words with no text, are skipped.
func parseTSV(tsv []byte, scale float64) ([]hesabat.Word, error) {
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var words []hesabat.Word
	lineH := 0.0
	header := true
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 {
			continue
		}
		var n [10]float64
		for i := range n {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("ocr: bad TSV field %q", f[i])
			}
			n[i] = v
		}
		level, left, top, width, height, conf := n[0], n[6], n[7], n[8], n[9], 0.0
		switch level {
		case 4:
			lineH = height * scale
		case 5:
			text := strings.TrimSpace(f[11])
			if text == "" {
				continue
			}
			conf, _ = strconv.ParseFloat(f[10], 64)
			size := lineH
			if size <= 0 {
				size = height * scale
			}
			words = append(words, hesabat.Word{
				Text: text,
				X0:   left * scale, Y0: top * scale,
				X1: (left + width) * scale, Y1: (top + height) * scale,
				Size: size,
				Conf: max(0, min(1, conf/100)),
			})
		}
	}
	return words, sc.Err()
}
