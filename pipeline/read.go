package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

// DefaultMaxBytes is the size limit of one document when none is given:
// 16 MiB.
const DefaultMaxBytes = 16 << 20

// SizeError is the reason for a document over the size limit. It matches
// ErrTooLarge with errors.Is.
type SizeError struct {
	What  string // what was too large: "file", "input", "record"
	Size  int64  // its size in bytes, or -1 when it was not read to the end
	Limit int64  // the limit in bytes
}

// Error returns, for example, "file is 52.4 MiB, over the 16 MiB limit".
func (e *SizeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s is over the %s limit", e.What, FormatSize(e.Limit))
	}
	return fmt.Sprintf("%s is %s, over the %s limit", e.What, FormatSize(e.Size), FormatSize(e.Limit))
}

// Is reports whether target is ErrTooLarge.
func (e *SizeError) Is(target error) bool { return target == ErrTooLarge }

// FormatSize formats a byte count for people: "512 bytes", "1.5 KiB",
// "52.4 MiB", "16 MiB" (one decimal, dropped when it is zero).
func FormatSize(n int64) string {
	if n < 1024 && n > -1024 {
		if n == 1 {
			return "1 byte"
		}
		return strconv.FormatInt(n, 10) + " bytes"
	}
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	v := float64(n) / 1024
	i := 0
	for (v >= 1024 || v <= -1024) && i < len(units)-1 {
		v /= 1024
		i++
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s + " " + units[i]
}

// Read returns the Stage that loads doc.Path into doc.Raw. It does nothing
// for a document with no Path (its Raw or Text came with it). A file over
// maxBytes (DefaultMaxBytes if 0 or less) fails the document with a
// *SizeError; no more than maxBytes+1 bytes of a file are ever read.
//
// Only regular files are read (symbolic links are followed): a named pipe,
// a device, a socket or a directory fails the document with an error that
// matches ErrNotRegular, without being opened, so that a pipe nobody writes
// to cannot block the stage. The file is read in chunks, and reading stops
// with ctx's error when ctx is done.
func Read(maxBytes int64) Stage {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return StageFunc(func(ctx context.Context, doc *Document) error {
		if doc.Path == "" {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		info, err := os.Stat(doc.Path)
		if err != nil {
			return pathReason(err)
		}
		if !info.Mode().IsRegular() {
			return &notRegularError{mode: info.Mode()}
		}
		if info.Size() > maxBytes {
			return &SizeError{What: "file", Size: info.Size(), Limit: maxBytes}
		}
		f, err := os.Open(doc.Path)
		if err != nil {
			return pathReason(err)
		}
		defer f.Close()
		// The file may have been replaced since the Stat: check again on
		// what was opened (a pipe opened here has a writer, so it does not
		// block, but it is refused all the same).
		if info, err = f.Stat(); err == nil && !info.Mode().IsRegular() {
			return &notRegularError{mode: info.Mode()}
		}
		size := int64(-1)
		if err == nil {
			size = info.Size()
		}
		raw, err := readLimited(ctx, f, maxBytes, size, "file")
		if err != nil {
			return err
		}
		doc.Raw = raw
		return nil
	})
}

// ErrNotRegular is the reason for a document whose path names something
// other than a regular file: a directory, a named pipe, a device or a
// socket. The error that wraps it says which.
var ErrNotRegular = errors.New("not a regular file")

type notRegularError struct{ mode fs.FileMode }

// Error returns, for example, "is a named pipe, not a regular file".
func (e *notRegularError) Error() string {
	kind := "special file"
	switch m := e.mode; {
	case m.IsDir():
		kind = "directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeCharDevice != 0:
		kind = "character device"
	case m&fs.ModeDevice != 0:
		kind = "device"
	}
	return "is a " + kind + ", not a regular file"
}

func (e *notRegularError) Is(target error) bool { return target == ErrNotRegular }
