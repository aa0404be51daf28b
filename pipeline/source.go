package pipeline

import (
	"context"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
)

// FileOptions tells Files which files to take from directories.
type FileOptions struct {
	// Ext lists the file name extensions to take from directories, such as
	// ".txt" (the leading dot may be left out); they match regardless of
	// case. Empty means DefaultExt.
	Ext []string
}

// DefaultExt is the extension Files takes from directories when
// FileOptions.Ext is empty.
const DefaultExt = ".txt"

// Files returns the documents for paths, in order: a file yields one
// document, a directory yields one for each file under it, walked
// recursively in lexical order.
//
// A file named in paths is taken whatever its extension; inside a
// directory, only files whose extension is in opt.Ext are, and files and
// directories whose names begin with "." are skipped. Symbolic links to
// directories are followed, but each real directory is walked once (the
// first time the walk reaches it, through a link or not), so links that form
// a loop end the walk instead of repeating it, and a directory reached by
// two paths yields its files once.
//
// The documents carry ID (the base name without its extension) and Source
// (the path as found), both escaped as EscapeName does so that names that
// are not UTF-8 stay distinct, and Path (the path as found, to open); no
// file is read here: the Read stage reads them.
// A path that does not exist or cannot be walked yields a document with Err
// set instead, and the walk goes on. Files stops yielding when ctx is done.
func Files(ctx context.Context, paths []string, opt FileOptions) iter.Seq[*Document] {
	exts := normalizeExts(opt.Ext)
	return func(yield func(*Document) bool) {
		w := walker{ctx: ctx, exts: exts, yield: yield, visited: map[string]bool{}}
		for _, p := range paths {
			if !w.root(p) {
				return
			}
		}
	}
}

func normalizeExts(list []string) []string {
	if len(list) == 0 {
		return []string{DefaultExt}
	}
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
	if len(out) == 0 {
		return []string{DefaultExt}
	}
	return out
}

// walker walks the paths given to Files. Its methods return false once
// yield has returned false or ctx is done.
type walker struct {
	ctx     context.Context
	exts    []string
	yield   func(*Document) bool
	visited map[string]bool // real paths of the directories walked
}

func (w *walker) root(p string) bool {
	if w.ctx.Err() != nil {
		return false
	}
	info, err := os.Stat(p)
	if err != nil {
		return w.fail(p, err)
	}
	if !info.IsDir() {
		return w.file(p)
	}
	return w.dir(p)
}

// dir walks the directory at p unless its real path was walked before.
func (w *walker) dir(p string) bool {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return w.fail(p, err)
	}
	if real, err = filepath.Abs(real); err != nil {
		return w.fail(p, err)
	}
	if w.visited[real] {
		return true
	}
	// WalkDir does not follow a symbolic link at its root; a trailing
	// separator makes the operating system resolve it.
	top := p
	if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		top = p + string(filepath.Separator)
	}
	ok := true
	walkErr := filepath.WalkDir(top, func(path string, d fs.DirEntry, err error) error {
		if w.ctx.Err() != nil {
			ok = false
			return filepath.SkipAll
		}
		if err != nil {
			if !w.fail(path, err) {
				ok = false
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path == top {
			w.visited[real] = true
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			// Reached before through a link, or about to be.
			rel, err := filepath.Rel(top, path)
			if err != nil {
				return nil
			}
			sub := filepath.Join(real, rel)
			if w.visited[sub] {
				return filepath.SkipDir
			}
			w.visited[sub] = true
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(path)
			if err != nil {
				if w.wanted(name) { // a broken link to what would be a document
					ok = w.fail(path, err)
				}
			} else if info.IsDir() {
				ok = w.dir(path)
			} else if info.Mode().IsRegular() && w.wanted(name) {
				ok = w.file(path)
			}
		} else if d.Type().IsRegular() && w.wanted(name) {
			ok = w.file(path)
		}
		if !ok {
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil && ok {
		return w.fail(p, walkErr)
	}
	return ok
}

func (w *walker) wanted(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range w.exts {
		if ext == e {
			return true
		}
	}
	return false
}

func (w *walker) file(p string) bool {
	return w.yield(&Document{ID: FileID(p), Source: EscapeName(p), Path: p})
}

func (w *walker) fail(p string, err error) bool {
	src := EscapeName(p)
	return w.yield(&Document{ID: FileID(p), Source: src, Err: &Error{Source: src, Err: pathReason(err)}})
}

// FileID is the ID of the document read from the file at path p: its base
// name without its extension ("news/2024/01.txt" gives "01"), escaped as
// EscapeName does. Files gives its documents this ID; a source that finds
// files elsewhere (object storage, say) uses it to name them the same way.
func FileID(p string) string {
	base := filepath.Base(p)
	return EscapeName(strings.TrimSuffix(base, filepath.Ext(base)))
}

// pathReason strips the path from a *fs.PathError, since the document's
// source already names it: "open x: permission denied" becomes
// "open: permission denied".
func pathReason(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return &opError{op: pe.Op, err: pe.Err}
	}
	return err
}

type opError struct {
	op  string
	err error
}

func (e *opError) Error() string { return e.op + ": " + e.err.Error() }
func (e *opError) Unwrap() error { return e.err }
