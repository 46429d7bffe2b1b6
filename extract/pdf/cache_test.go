package pdf

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestOpenCache checks where the compiled-module cache goes: the folder
// asked for, $HESABAT_CACHE_DIR, the user's cache folder, and the system's
// temporary folder when the user has none (a service user without HOME).
func TestOpenCache(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "file")
	os.WriteFile(file, nil, 0o644)
	t.Setenv("TMPDIR", filepath.Join(root, "tmp"))
	t.Setenv("XDG_CACHE_HOME", filepath.Join(root, "xdg"))
	t.Setenv(CacheEnv, "")
	tempDefault := filepath.Join(root, "tmp", "hesabat-"+strconv.Itoa(os.Getuid()), "wazero")
	for _, tc := range []struct {
		name, dir, env, home, xdg, want string
	}{
		{name: "asked for", dir: filepath.Join(root, "asked"), want: filepath.Join(root, "asked")},
		{name: "disabled", dir: "-", want: ""},
		{name: "asked for under a file", dir: filepath.Join(file, "sub"), want: ""},
		{name: "environment", env: filepath.Join(root, "env"), want: filepath.Join(root, "env")},
		{name: "environment disables", env: "-", want: ""},
		{name: "XDG cache", xdg: filepath.Join(root, "xdg"), home: root, want: filepath.Join(root, "xdg", "hesabat", "wazero")},
		{name: "no HOME: temporary folder", want: tempDefault},
		{name: "unwritable XDG: temporary folder", xdg: filepath.Join(file, "xdg"), want: tempDefault},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(CacheEnv, tc.env)
			t.Setenv("HOME", tc.home)
			t.Setenv("XDG_CACHE_HOME", tc.xdg)
			c, dir := openCache(tc.dir)
			if dir != tc.want || (c != nil) != (tc.want != "") {
				t.Errorf("openCache(%q) = %v, %q; want %q", tc.dir, c, dir, tc.want)
			}
		})
	}
}
