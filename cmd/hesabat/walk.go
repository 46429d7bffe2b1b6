package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/hesabat/hesabat"
)

// Reasons for skipping a file found in a folder. They are keys of the
// summary's "skipped" object: stable strings.
const (
	skipFormat   = "not_a_report_format" // an extension hesabat does not read
	skipHidden   = "hidden"              // a name starting with "."
	skipLitter   = "os_or_editor_litter" // lock files, resource forks, thumbnails
	skipExcluded = "excluded"            // matched --exclude
	skipSymlink  = "symlink"             // not followed without --follow-links
	skipLoop     = "symlink_loop"        // leads to a folder already walked
	skipBroken   = "broken_symlink"      // leads nowhere
	skipSpecial  = "not_a_regular_file"  // a device, socket or pipe
)

// skipText says each reason in the terminal summary.
var skipText = map[string]string{
	skipFormat:   "not a report format",
	skipHidden:   "hidden",
	skipLitter:   "OS or editor litter",
	skipExcluded: "excluded",
	skipSymlink:  "symlink not followed (--follow-links)",
	skipLoop:     "symlink loop",
	skipBroken:   "broken symlink",
	skipSpecial:  "not a regular file",
}

// skipped is a file or folder left out on purpose, and why.
type skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// walker lists the files under the paths ingest is given.
type walker struct {
	followLinks bool
	exclude     []string // globs, matched against names and paths

	files   []string
	skipped []skipped
	errs    []error         // paths that could not be read
	walked  map[string]bool // real paths of the folders walked
}

// add adds a path named on the command line: a file is read whatever its
// name (the user asked for it), a folder is walked.
func (w *walker) add(path string) {
	st, err := os.Stat(path)
	if err != nil {
		w.errs = append(w.errs, &hesabat.Error{Path: path, Err: unwrapPath(err)})
		return
	}
	if st.IsDir() {
		w.dir(path)
		return
	}
	w.files = append(w.files, path)
}

// dir walks the folder at path, in lexical order, unless a link already
// led to it.
func (w *walker) dir(path string) {
	real, err := filepath.EvalSymlinks(path)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		w.errs = append(w.errs, &hesabat.Error{Path: path, Err: unwrapPath(err)})
		return
	}
	if w.walked[real] {
		w.skip(path, skipLoop)
		return
	}
	if w.walked == nil {
		w.walked = map[string]bool{}
	}
	w.walked[real] = true
	entries, err := os.ReadDir(path)
	if err != nil {
		w.errs = append(w.errs, &hesabat.Error{Path: path, Err: unwrapPath(err)})
	}
	for _, e := range entries {
		w.entry(filepath.Join(path, e.Name()), e)
	}
}

// entry sorts one entry of a folder into files, folders to walk and skips.
func (w *walker) entry(path string, e os.DirEntry) {
	name := e.Name()
	switch {
	case w.excluded(path):
		w.skip(path, skipExcluded)
		return
	case isLitter(name):
		w.skip(path, skipLitter)
		return
	case strings.HasPrefix(name, "."):
		w.skip(path, skipHidden)
		return
	}
	mode := e.Type()
	if mode&os.ModeSymlink != 0 {
		if !w.followLinks {
			w.skip(path, skipSymlink)
			return
		}
		st, err := os.Stat(path)
		if err != nil {
			w.skip(path, skipBroken)
			return
		}
		mode = st.Mode().Type()
	}
	switch {
	case mode.IsDir():
		w.dir(path)
	case !mode.IsRegular():
		w.skip(path, skipSpecial)
	default:
		if _, ok := formatOf(path); !ok {
			w.skip(path, skipFormat)
			return
		}
		w.files = append(w.files, path)
	}
}

func (w *walker) skip(path, reason string) {
	w.skipped = append(w.skipped, skipped{path, reason})
}

// excluded reports whether an --exclude glob matches path or its name.
func (w *walker) excluded(path string) bool {
	for _, g := range w.exclude {
		if ok, _ := filepath.Match(g, filepath.Base(path)); ok {
			return true
		}
		if ok, _ := filepath.Match(g, path); ok {
			return true
		}
	}
	return false
}

// isLitter reports whether a file named name is left by an operating
// system or an editor beside documents, never a document itself:
// LibreOffice locks (.~lock.x.docx#), Word owner files (~$x.docx), macOS
// resource forks (._x.pdf) and folder settings (.DS_Store), Windows
// thumbnails and folder settings (Thumbs.db, desktop.ini), editor backups
// (x.docx~) and Emacs autosaves (#x#).
func isLitter(name string) bool {
	switch {
	case strings.HasPrefix(name, ".~lock."), strings.HasPrefix(name, "~$"), strings.HasPrefix(name, "._"),
		strings.HasSuffix(name, "~"), len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	switch name {
	case ".DS_Store", "Thumbs.db", "ehthumbs.db", "desktop.ini", "Desktop.ini", ".directory":
		return true
	}
	return false
}
