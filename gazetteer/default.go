package gazetteer

import (
	"embed"
	"io/fs"
)

// dataFS holds the default gazetteer files. The directory is embedded as
// a whole (not data/*.yaml) so that the package builds while the data/
// directory holds no YAML file yet; it must hold at least one file.
//
//go:embed data
var dataFS embed.FS

// Default loads the default gazetteer embedded in the package: the files
// data/*.yaml (the names in messages), in sorted order, merged as LoadFS
// merges them. It returns an empty Gazetteer if there is no such file.
//
// Default parses and validates the files on every call (tens of
// milliseconds for a few thousand entries) and returns a new Gazetteer:
// call it once and keep the result, which is safe to share between
// goroutines as long as nobody modifies it. Merge it with a user's files
// to extend or override it.
func Default() (*Gazetteer, error) {
	return loadDefault(dataFS)
}

// loadDefault loads the files data/*.yaml of fsys.
func loadDefault(fsys fs.FS) (*Gazetteer, error) {
	names, err := glob(fsys, []string{"data/*.yaml"})
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return newGazetteer(nil), nil
	}
	return loadFiles(fsys, names)
}
