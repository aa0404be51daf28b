package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Repeat("x", size)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	small := write("small.txt", 10)
	big := write("big.txt", 3000)
	tests := []struct {
		name    string
		doc     Document
		max     int64
		wantLen int
		wantErr string
		errIs   error
	}{
		{name: "reads the file", doc: Document{Path: small}, max: 100, wantLen: 10},
		{name: "at the limit", doc: Document{Path: small}, max: 10, wantLen: 10},
		{name: "over the limit", doc: Document{Path: big}, max: 1024, wantErr: "file is 2.9 KiB, over the 1 KiB limit", errIs: ErrTooLarge},
		{name: "default limit", doc: Document{Path: big}, max: 0, wantLen: 3000},
		{name: "missing file", doc: Document{Path: filepath.Join(dir, "missing.txt")}, wantErr: "stat: no such file or directory", errIs: fs.ErrNotExist},
		{name: "a directory", doc: Document{Path: dir}, wantErr: "is a directory"},
		{name: "no path", doc: Document{Raw: []byte("kept")}, wantLen: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			err := Read(tt.max).Process(context.Background(), &doc)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr && !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				if tt.errIs != nil && !errors.Is(err, tt.errIs) {
					t.Errorf("errors.Is(%v, %v) = false", err, tt.errIs)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if len(doc.Raw) != tt.wantLen {
				t.Errorf("read %d bytes, want %d", len(doc.Raw), tt.wantLen)
			}
		})
	}
}

func TestFormatSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1, "1 byte"},
		{1023, "1023 bytes"},
		{1024, "1 KiB"},
		{1536, "1.5 KiB"},
		{16 << 20, "16 MiB"},
		{54945382, "52.4 MiB"},
		{5 << 30, "5 GiB"},
	}
	for _, tt := range tests {
		if got := FormatSize(tt.n); got != tt.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// cancellingReader yields n bytes per Read forever, and cancels after its
// first Read.
type cancellingReader struct {
	cancel func()
	reads  int
}

func (r *cancellingReader) Read(p []byte) (int, error) {
	r.reads++
	r.cancel()
	for i := range p {
		p[i] = 'x'
	}
	return len(p), nil
}

func TestReadLimitedStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := &cancellingReader{cancel: cancel}
	_, err := readLimited(ctx, r, 1<<40, -1, "input")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if r.reads != 1 {
		t.Errorf("read %d times after the cancel, want 1", r.reads)
	}
}

func TestReadCancelled(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(p, []byte("نص"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := Document{Path: p}
	if err := Read(0).Process(ctx, &doc); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if doc.Raw != nil {
		t.Errorf("Raw = %q, want nothing read", doc.Raw)
	}
}

func TestReadLimitedSizes(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		max, size int64
		wantErr   bool
	}{
		{"empty", 0, 10, -1, false},
		{"empty, size known", 0, 10, 0, false},
		{"at the limit", 10, 10, -1, false},
		{"over the limit", 11, 10, -1, true},
		{"over the limit, size known short", 11, 10, 5, true},
		{"several chunks", 3*readChunk + 7, 4 * readChunk, -1, false},
		{"several chunks, size known", 3*readChunk + 7, 4 * readChunk, 3*readChunk + 7, false},
		{"size known wrong", 3*readChunk + 7, 4 * readChunk, 100, false},
		{"over the limit by chunks", 3*readChunk + 7, 2 * readChunk, -1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Repeat("y", tt.n)
			b, err := readLimited(context.Background(), strings.NewReader(in), tt.max, tt.size, "input")
			if tt.wantErr {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("err = %v, want ErrTooLarge", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != in || b == nil {
				t.Errorf("read %d bytes (nil %v), want %d", len(b), b == nil, tt.n)
			}
		})
	}
}
