package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A Target is where a run writes: one file, or a folder it writes files
// into.
type Target struct {
	// Path is the output file, or the folder when Dir is set.
	Path string
	// Dir tells that Path is a folder and the run writes files directly
	// in it, with the extensions in Exts (".txt", with the dot).
	Dir  bool
	Exts []string
}

// A ConflictError reports an output that would overwrite an input or be
// read as one.
type ConflictError struct {
	Output string // the output, as given
	Input  string // the input, as given
	Reason string // why the two conflict, a phrase with a %q for the input
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("output %q "+e.Reason, e.Output, e.Input)
}

// CheckInputs returns a *ConflictError when writing t could destroy an
// input or feed the output back in as one, and nil otherwise. inputs are
// the paths the run reads ("-" is standard input and is skipped); walked
// lists the extensions taken from input folders (as pipeline.FileOptions.Ext;
// empty when folders are not walked).
//
// For a file, the conflicts are: the output is one of the input files (the
// same file, also through a symbolic or hard link); or it lies under an
// input folder, at any depth, with a walked extension. For a folder: it is
// an input folder or lies under one, and the run writes files with a walked
// extension; or an input file lies directly in it with an extension the run
// writes (it could be overwritten).
//
// Paths are compared with their links resolved. A folder reached only
// through a symbolic link inside an input folder is not seen; the output
// cannot be read back while it is written in any case, as it is written
// under a hidden temporary name, but one left by an earlier run would be.
// Errors reading the paths are not reported here: the run reports them.
func CheckInputs(t Target, inputs []string, walked []string) error {
	walked = lowerExts(walked)
	var outInfo fs.FileInfo
	if !t.Dir {
		outInfo, _ = os.Stat(t.Path)
	}
	outDir := t.Path // the folder the files are written in
	exts := lowerExts(t.Exts)
	if !t.Dir {
		outDir = filepath.Dir(t.Path)
		exts = lowerExts([]string{filepath.Ext(t.Path)})
	}
	realOut := realPath(outDir)
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		info, err := os.Stat(in)
		if err != nil {
			continue
		}
		conflict := func(reason string) error {
			return &ConflictError{Output: t.Path, Input: in, Reason: reason}
		}
		if !info.IsDir() {
			if outInfo != nil && os.SameFile(info, outInfo) {
				return conflict("is the input %q")
			}
			if t.Dir && realOut != "" && realOut == realPath(filepath.Dir(in)) && hasExt(exts, in) {
				return conflict("is the folder of the input %q, which it could overwrite")
			}
			continue
		}
		realIn := realPath(in)
		if realIn == "" || realOut == "" || !within(realOut, realIn) || !overlap(exts, walked) {
			continue
		}
		switch {
		case t.Dir && realOut == realIn:
			return conflict("is the input folder %q, whose files it could overwrite or be read as")
		case t.Dir:
			return conflict("lies under the input folder %q, which would read its files")
		default:
			return conflict("lies under the input folder %q and has an extension read from it")
		}
	}
	return nil
}

// realPath returns the absolute path of p with its links resolved; when p
// does not exist, that of its deepest existing parent joined with the rest.
// It returns "" when no parent resolves.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	rest := ""
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(real, rest)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return ""
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// within reports whether path p is dir or lies under it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func lowerExts(list []string) []string {
	out := make([]string, 0, len(list))
	for _, e := range list {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		if !strings.HasPrefix(e, ".") {
			e = "." + e
		}
		out = append(out, e)
	}
	return out
}

func hasExt(exts []string, name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range exts {
		if e == ext {
			return true
		}
	}
	return false
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
