// Package ocr recognises the words on scanned pages with Tesseract and its
// Azerbaijani model (Debian packages tesseract-ocr and tesseract-ocr-aze),
// run as a child process under a time and memory limit, one thread each.
//
// Recognize prepares a page image the way table recognition needs it: the
// page is deskewed (the angle that makes text rows and rules level), table
// rules are found and taken out of the picture (Tesseract reads them as
// junk letters) and handed back as hesabat.Rule, a table is read column
// by column (between its rules, or the gutters of a table without rules)
// and its short cells again, and the words come back with their boxes in
// points, so the one layout engine rebuilds the table from OCR words
// exactly as from a text layer.
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
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	// Timeout bounds each Tesseract run on a page (the page, then its
	// cells read again); 10 minutes when zero. It stops a run that hangs:
	// a heavy page takes seconds of CPU, but on a busy two-core machine
	// (up to 20 processes running) a page of 1,500 words overran 2
	// minutes of wall time.
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
	ink := inkLevel(g)
	// A table is read column by column: on a whole page Tesseract takes a
	// short number alone in its cell ("3.3.", "6.3.") for noise or
	// letters, while in its column's strip it reads it as a line of text.
	// Its columns are parted by its rules, or, without rules, by the
	// gutters its text leaves white (see gutterColumns). A page without a
	// table is read whole, Tesseract finding its blocks; so is the page
	// above and below a table without rules (read as a block of text,
	// the dirt of a scan's margins comes out as lines of junk letters,
	// which a borderless table, unlike a ruled one, cannot tell from its
	// own lines).
	var grid [][]image.Rectangle // the table's cells, read again
	type pass struct {
		regions []image.Rectangle
		psm     string
	}
	passes := []pass{{[]image.Rectangle{g.Rect}, "3"}}
	if xs, top, bottom := tableColumns(rules); xs != nil {
		pad := int(rulePad*dpi) + 2 // stay off the erased rule
		strips, outside := columnRegions(xs, top, bottom, g.Rect, pad)
		passes = []pass{{append(outside, strips...), "6"}}
		grid = tableGrid(rules, pad)
	} else if xs, top, bottom := gutterColumns(g, ink, dpi); xs != nil {
		strips, outside := columnRegions(xs, top, bottom, g.Rect, 1)
		passes = []pass{{strips, "6"}, {outside, "3"}}
		grid = gutterGrid(g, xs, top, bottom, ink, dpi)
	}
	dir, err := os.MkdirTemp("", "hesabat-ocr-")
	if err != nil {
		return nil, fmt.Errorf("ocr: %w", err)
	}
	defer os.RemoveAll(dir)
	scale := 72 / dpi
	var words []hesabat.Word
	for k, ps := range passes {
		if len(ps.regions) == 0 {
			continue
		}
		name := fmt.Sprintf("page%d-", k)
		listFile, err := writeImages(dir, name, len(ps.regions), func(i int) image.Image { return g.SubImage(ps.regions[i]) })
		if err != nil {
			return nil, err
		}
		tsv, err := run(ctx, listFile, ps.psm, dpi, o)
		if err != nil {
			return nil, err
		}
		offsets := make([]image.Point, len(ps.regions))
		for i, r := range ps.regions {
			offsets[i] = r.Min
		}
		read, _, err := parseTSV(tsv, scale, offsets)
		if err != nil {
			return nil, err
		}
		words = append(words, read...)
	}
	if grid != nil { // its numbers and years read again
		if words, err = rereadCells(ctx, g, grid, words, dpi, scale, dir, o); err != nil {
			return nil, err
		}
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

// writeImages writes n images, image(i) for each i, as PNG files to dir
// (named after name) and a file listing them, one path a line, for
// Tesseract; it returns the list's path.
func writeImages(dir, name string, n int, image func(int) image.Image) (string, error) {
	var list strings.Builder
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	for i := range n {
		file := filepath.Join(dir, fmt.Sprintf("%s%03d.png", name, i))
		f, err := os.Create(file)
		if err != nil {
			return "", fmt.Errorf("ocr: %w", err)
		}
		err = enc.Encode(f, image(i))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", fmt.Errorf("ocr: write image: %w", err)
		}
		list.WriteString(file + "\n")
	}
	listFile := filepath.Join(dir, name+".txt")
	if err := os.WriteFile(listFile, []byte(list.String()), 0o600); err != nil {
		return "", fmt.Errorf("ocr: %w", err)
	}
	return listFile, nil
}

// columnRegions returns the parts of a page to recognise one by one when
// it holds a table: strips, each column of the table between its edges xs
// (its vertical rules or gutters, from the left), from top to bottom; and
// outside, the page above and below the table. pad is the margin kept off
// each edge (off an erased rule).
func columnRegions(xs []float64, top, bottom float64, page image.Rectangle, pad int) (strips, outside []image.Rectangle) {
	add := func(out *[]image.Rectangle, r image.Rectangle) {
		if r = r.Intersect(page); r.Dx() > 2*pad && r.Dy() > 2*pad {
			*out = append(*out, r)
		}
	}
	add(&outside, image.Rect(page.Min.X, page.Min.Y, page.Max.X, int(top)-pad))
	for i := 0; i+1 < len(xs); i++ {
		if xs[i+1]-xs[i] > float64(2*pad) {
			add(&strips, image.Rect(int(xs[i])+pad, int(top), int(xs[i+1])-pad, int(bottom)))
		}
	}
	add(&outside, image.Rect(page.Min.X, int(bottom)+pad, page.Max.X, page.Max.Y))
	return strips, outside
}

// tableColumns returns the x of a ruled table's vertical rules from the
// left and the top and bottom of the table; nil without a ruled table
// (fewer than three long vertical rules). A table's vertical rules run
// most of its height; shorter ones (a merged cell's) are ignored.
func tableColumns(rules []segment) (xs []float64, top, bottom float64) {
	longest := 0.0
	for _, r := range rules {
		if r.x0 == r.x1 {
			longest = max(longest, r.y1-r.y0)
		}
	}
	top, bottom = math.Inf(1), math.Inf(-1)
	for _, r := range rules {
		if r.x0 == r.x1 && r.y1-r.y0 >= 0.5*longest {
			xs = append(xs, r.x0)
			top, bottom = math.Min(top, r.y0), math.Max(bottom, r.y1)
		}
	}
	if len(xs) < 3 {
		return nil, 0, 0
	}
	slices.Sort(xs)
	return xs, top, bottom
}

// run runs Tesseract on the images listed in the file list (one path a
// line; TSV page_num counts them from 1) with page segmentation mode psm,
// and returns its TSV output. One
// thread per process: on a small machine OpenMP threads of several
// processes fight for the cores (a page took 14 s instead of 3.4 s).
func run(ctx context.Context, list, psm string, dpi float64, o Options, extra ...string) ([]byte, error) {
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Minute
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
		strconv.FormatInt(mem>>10, 10), o.command(), list, "stdout",
		"-l", o.lang(), "--dpi", strconv.Itoa(int(dpi + 0.5)), "--psm", psm}
	args = append(append(args, extra...), "tsv")
	cmd := exec.CommandContext(ctx, "sh", args...)
	cmd.Env = append(cmd.Environ(), "OMP_THREAD_LIMIT=1")
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
// paragraph, line and word. Words (level 5) come back with boxes moved by
// the offset of their image (offsets[page_num-1], in pixels) and scaled by
// scale. A word's box spans its line, grown to the page's line pitch, as a
// text layer's glyph boxes span a font's ascent to descent: Tesseract's
// boxes hug the ink, so that lines of one paragraph ("2020-" over "2022")
// would stand a paragraph break apart for the layout engine. pages[i] is
// the index of words[i]'s image.
func parseTSV(tsv []byte, scale float64, offsets []image.Point) (words []hesabat.Word, pages []int, err error) {
	type line struct {
		key       [3]int // page, block, paragraph
		top, bot  float64
		firstWord int
	}
	var lines []line
	var wordLine []int
	sc := bufio.NewScanner(bytes.NewReader(tsv))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
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
				return nil, nil, fmt.Errorf("ocr: bad TSV field %q", f[i])
			}
			n[i] = v
		}
		level, left, top, width, height := n[0], n[6], n[7], n[8], n[9]
		if k := int(n[1]) - 1; k >= 0 && k < len(offsets) {
			left += float64(offsets[k].X)
			top += float64(offsets[k].Y)
		}
		switch level {
		case 4:
			lines = append(lines, line{key: [3]int{int(n[1]), int(n[2]), int(n[3])}, top: top, bot: top + height, firstWord: len(words)})
		case 5:
			text := strings.ToValidUTF8(strings.TrimSpace(f[11]), "\uFFFD") // as Word.Text must be
			if text == "" {
				continue
			}
			conf, _ := strconv.ParseFloat(f[10], 64)
			words = append(words, hesabat.Word{
				Text: text,
				X0:   left * scale, Y0: top * scale,
				X1: (left + width) * scale, Y1: (top + height) * scale,
				Conf: max(0, min(1, conf/100)),
			})
			wordLine = append(wordLine, len(lines)-1)
			pages = append(pages, int(n[1])-1)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	// The line pitch: the median distance between the tops of successive
	// lines of one paragraph; without such lines, 1.2 line heights.
	var pitches, heights []float64
	for i := range lines {
		heights = append(heights, lines[i].bot-lines[i].top)
		if i > 0 && lines[i].key == lines[i-1].key && lines[i].top > lines[i-1].top {
			pitches = append(pitches, lines[i].top-lines[i-1].top)
		}
	}
	pitch := median(pitches)
	if pitch == 0 {
		pitch = 1.2 * median(heights)
	}
	for i := range words {
		w := &words[i]
		if k := wordLine[i]; k >= 0 {
			l := lines[k]
			// linePitchShare: the share of the pitch a line's box takes,
			// leaving a sliver between lines of one paragraph.
			const linePitchShare = 0.95
			mid, half := (l.top+l.bot)/2, max(l.bot-l.top, linePitchShare*pitch)/2
			w.Y0, w.Y1 = math.Min(w.Y0, (mid-half)*scale), math.Max(w.Y1, (mid+half)*scale)
		}
		w.Size = w.Y1 - w.Y0
	}
	return words, pages, nil
}

// median returns the middle value of xs (0 for none); it sorts xs.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[len(xs)/2]
}
