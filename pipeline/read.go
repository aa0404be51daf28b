package pipeline

import (
	"context"
	"fmt"
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
func Read(maxBytes int64) Stage {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return StageFunc(func(ctx context.Context, doc *Document) error {
		if doc.Path == "" {
			return nil
		}
		f, err := os.Open(doc.Path)
		if err != nil {
			return pathReason(err)
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > maxBytes {
			return &SizeError{What: "file", Size: info.Size(), Limit: maxBytes}
		}
		raw, err := readLimited(f, maxBytes, "file")
		if err != nil {
			return err
		}
		doc.Raw = raw
		return nil
	})
}
