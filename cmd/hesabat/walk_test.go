package main

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// TestSkipReasons fills a folder with what real report folders hold
// besides reports and checks that every file ends loaded, failed or
// skipped with its reason, counted in the summary and listed by -v.
func TestSkipReasons(t *testing.T) {
	dir := t.TempDir()
	seed := readFile(t, filepath.Join(root, "testdata/seed/seed.txt"))
	in := filepath.Join(dir, "in")
	write(t, in, "seed.txt", seed)
	write(t, in, "sub/seed.docx", readFile(t, filepath.Join(root, "testdata/seed/seed.docx")))
	write(t, in, "big.txt", append(seed, []byte("\nmore")...))
	write(t, in, "notes.md", []byte("# not a report"))
	write(t, in, ".hidden.txt", seed)
	write(t, in, ".git/config", []byte("[core]"))
	write(t, in, ".~lock.seed.docx#", []byte("lock"))
	write(t, in, "~$seed.docx", []byte("owner"))
	write(t, in, "._seed.pdf", []byte("resource fork"))
	write(t, in, ".DS_Store", []byte{0})
	write(t, in, "Thumbs.db", []byte{0})
	write(t, in, "seed.txt~", seed)
	write(t, in, "draft-1.txt", seed)
	write(t, filepath.Join(dir, "elsewhere"), "linked.txt", append(seed, '\n'))
	symlink(t, "../elsewhere/linked.txt", filepath.Join(in, "link.txt"))
	symlink(t, "..", filepath.Join(in, "sub/up"))
	symlink(t, "nowhere.txt", filepath.Join(in, "broken.txt"))
	if err := syscall.Mkfifo(filepath.Join(in, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "h.db")
	// big.txt is over the size limit: a failure, not a skip.
	limit := itoa(len(seed) + 2)

	ingest := func(args ...string) (int, summary, string) {
		t.Helper()
		return ingestJSON(t, append([]string{in, "--db", db, "--max-file-size", limit, "--exclude", "draft-*"}, args...)...)
	}
	code, s, stderr := ingest()
	want := map[string]int{
		skipFormat: 1, skipHidden: 2, skipLitter: 6, skipExcluded: 1, skipSymlink: 3,
		skipLoop: 0, skipBroken: 0, skipSpecial: 1,
	}
	if code != 1 || s.Loaded != 2 || s.Failed != 1 || !reflect.DeepEqual(s.Skipped, want) || s.FilesSeen != 3+14 {
		t.Errorf("exit %d, loaded %d, failed %d, seen %d, skipped %v; want exit 1 (big.txt), 2 loaded, 1 failed, 17 seen, %v",
			code, s.Loaded, s.Failed, s.FilesSeen, s.Skipped, want)
	}
	if len(s.Errors) != 1 || s.Errors[0].Kind != "too large" || !strings.Contains(s.Errors[0].Hint, "--max-file-size") || !strings.Contains(stderr, "big.txt: too large") {
		t.Errorf("errors %+v, stderr %q; want big.txt too large, naming --max-file-size", s.Errors, stderr)
	}
	var got []string
	for _, sk := range s.SkippedFiles {
		rel, _ := filepath.Rel(in, sk.Path)
		got = append(got, rel+" "+sk.Reason)
	}
	sort.Strings(got)
	wantFiles := []string{
		"._seed.pdf " + skipLitter, ".DS_Store " + skipLitter, ".git " + skipHidden, ".hidden.txt " + skipHidden,
		".~lock.seed.docx# " + skipLitter, "Thumbs.db " + skipLitter, "broken.txt " + skipSymlink,
		"draft-1.txt " + skipExcluded, "link.txt " + skipSymlink, "notes.md " + skipFormat,
		"pipe.txt " + skipSpecial, "seed.txt~ " + skipLitter, "sub/up " + skipSymlink, "~$seed.docx " + skipLitter,
	}
	sort.Strings(wantFiles)
	if !reflect.DeepEqual(got, wantFiles) {
		t.Errorf("skipped files:\n got %q\nwant %q", got, wantFiles)
	}

	// -v names each skipped file and why, in words.
	code, stdout, _ := cli(t, "", "ingest", in, "--db", db, "-v", "--max-file-size", limit)
	for _, line := range []string{
		filepath.Join(in, "notes.md") + ": skipped: not a report format",
		filepath.Join(in, ".~lock.seed.docx#") + ": skipped: OS or editor litter",
		filepath.Join(in, "sub/up") + ": skipped: symlink not followed (--follow-links)",
		filepath.Join(in, "big.txt") + ": still failing",
	} {
		if !strings.Contains(stdout, line) {
			t.Errorf("-v: no line %q in\n%s", line, stdout)
		}
	}
	if code != 0 {
		t.Errorf("-v run: exit %d; big.txt fails as before, so 0", code)
	}

	// --follow-links: the linked file is read, the loop and the broken link
	// are named.
	_, s, _ = ingest("--follow-links")
	if s.Loaded != 1 || s.Skipped[skipLoop] != 1 || s.Skipped[skipBroken] != 1 || s.Skipped[skipSymlink] != 0 {
		t.Errorf("--follow-links: loaded %d, skipped %v; want link.txt loaded, 1 loop, 1 broken", s.Loaded, s.Skipped)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
