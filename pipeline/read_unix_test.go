//go:build unix

package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A named pipe with no writer blocks open(2); Read must refuse it without
// opening it.
func TestReadFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	done := make(chan error, 1)
	go func() {
		doc := Document{Path: p}
		done <- Read(0).Process(context.Background(), &doc)
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Fatalf("err = %v, want ErrNotRegular", err)
		}
		if want := "is a named pipe, not a regular file"; err.Error() != want {
			t.Errorf("err = %q, want %q", err, want)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Read blocked on a named pipe")
	}
}
