package gazetteer

import (
	"embed"
	_ "embed"
	"io/fs"
	"sync"
)

//go:generate go test -run ^TestDefaultMatcherFile$ -update

// dataFS holds the default gazetteer files. The directory is embedded as
// a whole (not data/*.yaml) so that the package builds while the data/
// directory holds no YAML file yet; it must hold at least one file.
//
//go:embed data
var dataFS embed.FS

// defaultMatcher is the binary form (AppendBinary) of the default
// gazetteer data/*.yaml, compiled: written by go generate, and checked
// against the YAML by TestDefaultMatcherFile, so that the build cannot
// ship a compiled form older than its data.
//
//go:embed default.matcher
var defaultMatcher []byte

// DefaultMatcherFile is the name, in the package's folder, of the
// compiled default gazetteer; `go generate ./gazetteer` rewrites it after
// data/*.yaml or the compile rules change.
const DefaultMatcherFile = "default.matcher"

// Default returns the default gazetteer embedded in the package: the
// entries of the files data/*.yaml (Pos names them), in sorted order,
// merged as LoadFS merges them. It returns an empty Gazetteer if there is
// no such file.
//
// Default decodes the compiled form of the files, checked when it was
// generated (a millisecond or two), and returns a new Gazetteer on every
// call, which the caller may change; merge it with a user's files to
// extend or override it. To match the default names, DefaultMatcher is
// faster than compiling Default.
func Default() (*Gazetteer, error) {
	m, err := DecodeMatcher(defaultMatcher)
	if err != nil {
		return nil, err
	}
	return newGazetteer(m.entries), nil
}

// DefaultMatcher returns the compiled default gazetteer, the same as
// Compile(Default()) but without compiling: it is decoded on the first
// call and shared, as a Matcher is immutable.
func DefaultMatcher() (*Matcher, error) { return defaultOnce() }

var defaultOnce = sync.OnceValues(func() (*Matcher, error) { return DecodeMatcher(defaultMatcher) })

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
