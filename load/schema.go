package load

import (
	"io/fs"
	"strconv"
	"strings"
)

// SchemaVersion returns the number of the newest migration built into this
// binary: the schema version of the databases it writes.
func SchemaVersion() int {
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	v := 0
	for _, name := range names {
		digits, _, _ := strings.Cut(strings.TrimPrefix(name, "migrations/"), "_")
		if n, err := strconv.Atoi(digits); err == nil && n > v {
			v = n
		}
	}
	return v
}
