package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TextFiles returns the contents of every .txt file under dir, in the
// order of filepath.WalkDir, and their total size in bytes. A corpus that
// is absent (the evaluation corpora are not shipped) gives none: callers
// skip.
func TextFiles(dir string) (texts []string, size int) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			if data, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(data))
				size += len(data)
			}
		}
		return nil
	})
	return texts, size
}
