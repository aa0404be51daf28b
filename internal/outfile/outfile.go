// Package outfile writes output files safely: a file is written under a
// temporary name in its own folder and renamed over its name only when
// the writer commits, so that a run that fails, is interrupted or is
// killed leaves the file as it was; and CheckInputs refuses an output
// that would overwrite, or be read back as, one of the run's inputs.
package outfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A File is an output file being written. Its content reaches the file's
// name only when Commit returns nil; until then the name keeps what it had
// (or stays absent). A File is not safe for concurrent use.
//
// The content is written to a temporary file in the same folder, named
// "." + the base name + ".tmp-" + random hex: hidden, so that a walk of
// the folder skips it. A process killed before Commit leaves that file
// behind, never a partial output under the real name.
type File struct {
	f      *os.File
	path   string // the name the content goes to (links resolved)
	tmp    string // the temporary file; "" when writing in place
	closed bool
}

// Create starts writing the file at path. A path that is a symbolic link
// writes to the file the link points to (the link stays). When path names
// something that is not a regular file (a device such as /dev/null or
// /dev/stdout, a named pipe), there is nothing to replace: Create opens it
// and writes in place, and Commit only closes it.
//
// A new file gets the mode a file created by os.Create would get (0666
// less the umask); a replaced file keeps its permission bits. The owner and
// other hard links of a replaced file are not kept: the name points to a
// new file. Writing needs the right to create files in the folder, even
// when the file itself exists and may be written.
func Create(path string) (*File, error) {
	target := path
	info, err := os.Stat(path)
	switch {
	case err == nil && !info.Mode().IsRegular():
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &File{f: f, path: path}, nil
	case err == nil:
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return nil, err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	f, tmp, err := createTemp(target)
	if err != nil {
		return nil, err
	}
	if info != nil {
		if err := f.Chmod(info.Mode().Perm()); err != nil {
			f.Close()
			os.Remove(tmp)
			return nil, err
		}
	}
	return &File{f: f, path: target, tmp: tmp}, nil
}

// createTemp creates a new file beside target, with the mode os.Create
// gives (os.CreateTemp would give 0600).
func createTemp(target string) (*os.File, string, error) {
	dir, base := filepath.Split(target)
	var b [8]byte
	for range 100 {
		rand.Read(b[:])
		tmp := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			// Name the file the user gave, not the temporary one.
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return nil, "", &fs.PathError{Op: "create", Path: target, Err: pe.Err}
			}
			return nil, "", err
		}
		return f, tmp, nil
	}
	return nil, "", &fs.PathError{Op: "create", Path: target, Err: fs.ErrExist}
}

// Write writes p to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	if f.closed {
		return 0, fs.ErrClosed
	}
	return f.f.Write(p)
}

// Name returns the name the content goes to.
func (f *File) Name() string { return f.path }

// Commit flushes the content to disk and renames it over the file's name.
// When it returns an error, the name keeps what it had and the temporary
// file is removed. Commit after Commit or Abort returns fs.ErrClosed.
func (f *File) Commit() error {
	if f.closed {
		return fs.ErrClosed
	}
	f.closed = true
	if f.tmp == "" {
		return f.f.Close()
	}
	err := f.f.Sync()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.tmp, f.path)
	}
	if err != nil {
		os.Remove(f.tmp)
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// syncDir flushes the folder dir to disk, so that a rename in it survives
// a crash of the machine; where folders cannot be synced, it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Abort drops what was written: the file's name keeps what it had. Abort
// after Commit or Abort does nothing.
func (f *File) Abort() error {
	if f.closed {
		return nil
	}
	f.closed = true
	err := f.f.Close()
	if f.tmp != "" {
		if rerr := os.Remove(f.tmp); err == nil {
			err = rerr
		}
	}
	return err
}

// WriteFile writes data to the file at path as one step: the name holds
// either what it held before or all of data, never part of it.
func WriteFile(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
