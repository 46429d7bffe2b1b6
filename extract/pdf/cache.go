package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/tetratelabs/wazero"
)

// CacheEnv names the environment variable that sets the folder of the
// compiled-module cache, as Options.CacheDir does ("-" disables it).
const CacheEnv = "HESABAT_CACHE_DIR"

// Start starts the PDFium runtime now rather than on the first Extract, so
// that a caller can show the start-up as a step of its own. Compiling
// PDFium takes seconds when the compiled-module cache is empty.
func (e *Extractor) Start(ctx context.Context) error {
	e.once.Do(e.start)
	if e.initErr != nil {
		return fmt.Errorf("start PDFium: %w", e.initErr)
	}
	return ctx.Err()
}

// CacheDir returns the folder of the compiled-module cache in use, "" when
// there is none (disabled, or no folder was writable). It is known once
// the runtime has started.
func (e *Extractor) CacheDir() string { return e.cacheAt }

// openCache opens wazero's on-disk cache of compiled modules in dir when
// given, else in $HESABAT_CACHE_DIR when set ("-" for no cache in either),
// else in the first writable of the user's cache folder (XDG_CACHE_HOME or
// ~/.cache on Linux)/hesabat/wazero and the system's temporary
// folder/hesabat-UID/wazero. It returns the cache and its folder, or nil
// and "" when the folder is not writable: PDFium then compiles anew in
// every run.
func openCache(dir string) (wazero.CompilationCache, string) {
	if dir == "" {
		dir = os.Getenv(CacheEnv)
	}
	if dir == "-" {
		return nil, ""
	}
	var candidates []string
	if dir != "" {
		candidates = append(candidates, dir)
	} else {
		if base, err := os.UserCacheDir(); err == nil {
			candidates = append(candidates, filepath.Join(base, "hesabat", "wazero"))
		}
		candidates = append(candidates, filepath.Join(os.TempDir(), fmt.Sprintf("hesabat-%d", os.Getuid()), "wazero"))
	}
	for _, d := range candidates {
		if !writable(d) {
			continue
		}
		if c, err := wazero.NewCompilationCacheWithDir(d); err == nil {
			return c, d
		}
	}
	return nil, ""
}

// writable reports whether dir exists or can be made, and a file can be
// written in it.
func writable(dir string) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false
	}
	f, err := os.CreateTemp(dir, "probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}
