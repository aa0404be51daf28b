package alambeam

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSplitBlocks(t *testing.T) {
	tests := []struct {
		name       string
		path       string
		size, bs   int64
		wantRanges [][2]int64
		wantWhole  bool
	}{
		{name: "empty file", path: "a.jsonl", size: 0, bs: 100, wantRanges: [][2]int64{{0, 0}}, wantWhole: true},
		{name: "smaller than a block", path: "a.jsonl", size: 99, bs: 100, wantRanges: [][2]int64{{0, 99}}, wantWhole: true},
		{name: "a quarter over one block stays whole", path: "a.jsonl", size: 125, bs: 100, wantRanges: [][2]int64{{0, 125}}, wantWhole: true},
		{name: "two blocks", path: "a.jsonl", size: 126, bs: 100, wantRanges: [][2]int64{{0, 100}, {100, 126}}},
		{name: "small tail joins the last block", path: "a.jsonl", size: 320, bs: 100, wantRanges: [][2]int64{{0, 100}, {100, 200}, {200, 320}}},
		{name: "exact blocks", path: "a.jsonl", size: 300, bs: 100, wantRanges: [][2]int64{{0, 100}, {100, 200}, {200, 300}}},
		{name: "gzip is read whole", path: "a.jsonl.gz", size: 1000, bs: 100, wantRanges: [][2]int64{{0, 1000}}, wantWhole: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitBlocks(tt.path, tt.size, tt.bs)
			if len(got) != len(tt.wantRanges) {
				t.Fatalf("got %d blocks %+v, want %d", len(got), got, len(tt.wantRanges))
			}
			for i, b := range got {
				if b.Start != tt.wantRanges[i][0] || b.End != tt.wantRanges[i][1] || b.Index != i || b.Blocks != len(got) || b.Whole != tt.wantWhole {
					t.Errorf("block %d = %+v, want [%d,%d) index %d of %d, whole %v", i, b, tt.wantRanges[i][0], tt.wantRanges[i][1], i, len(got), tt.wantWhole)
				}
			}
		})
	}
}

// readBlocks cuts the file at p into blocks of bs bytes and reads each as
// the job does (count, number, open), returning each block's bytes and the
// number of its first line.
func readBlocks(t testing.TB, p string, bs int64) (pieces [][]byte, firstLines []int64) {
	t.Helper()
	ctx := context.Background()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	var counted []block
	for _, b := range splitBlocks(p, info.Size(), bs) {
		if err := (&countFn{}).ProcessElement(ctx, b, func(_ string, b block) { counted = append(counted, b) }); err != nil {
			t.Fatal(err)
		}
	}
	// Hand them to numberFn in reverse, as a shuffle might.
	i := len(counted)
	next := func(b *block) bool {
		if i == 0 {
			return false
		}
		i--
		*b = counted[i]
		return true
	}
	var numbered []block
	if err := (&numberFn{}).ProcessElement(p, next, func(b block) { numbered = append(numbered, b) }); err != nil {
		t.Fatal(err)
	}
	for _, b := range numbered {
		r, line, err := openBlock(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		piece, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		pieces = append(pieces, piece)
		firstLines = append(firstLines, line)
	}
	return pieces, firstLines
}

// checkBlocks checks that the pieces of content are whole lines, in order,
// that together are content, each numbered as in content.
func checkBlocks(t testing.TB, content []byte, pieces [][]byte, firstLines []int64) {
	t.Helper()
	var at int
	for i, piece := range pieces {
		if len(piece) == 0 {
			continue
		}
		if !bytes.HasPrefix(content[at:], piece) {
			t.Fatalf("piece %d (%q) is not the content at byte %d (%q)", i, piece, at, content[at:min(len(content), at+len(piece))])
		}
		if want := int64(1 + bytes.Count(content[:at], []byte("\n"))); firstLines[i] != want {
			t.Errorf("piece %d at byte %d: first line %d, want %d", i, at, firstLines[i], want)
		}
		at += len(piece)
		if at < len(content) && piece[len(piece)-1] != '\n' {
			t.Errorf("piece %d ends inside a line, at byte %d", i, at)
		}
	}
	if at != len(content) {
		t.Errorf("pieces cover %d of %d bytes", at, len(content))
	}
}

func TestBlocksCoverTheFile(t *testing.T) {
	long := strings.Repeat("ي", 300) // 600 bytes: longer than the blocks and the readers' chunks
	tests := []struct {
		name    string
		content string
		bs      int64
	}{
		{name: "short lines", content: "a\nbb\nccc\ndddd\neeeee\nffffff\n", bs: 4},
		{name: "no final newline", content: "a\nbb\nccc\ndddd\neeeee\nffffff", bs: 4},
		{name: "block ends on a newline", content: "abc\nabc\nabc\nabc\nabc\n", bs: 4},
		{name: "block starts on a newline", content: "abc\n\nabc\n\nabc\n\n", bs: 5},
		{name: "line longer than blocks", content: "x\n" + long + "\ny\n" + long + long + "\nz", bs: 50},
		{name: "blank lines and CRLF", content: "\r\n\r\n{\"a\":1}\r\n\n\n{\"b\":2}\r\n", bs: 3},
		{name: "one block", content: "a\nb\n", bs: 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "in.jsonl")
			if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			pieces, lines := readBlocks(t, p, tt.bs)
			checkBlocks(t, []byte(tt.content), pieces, lines)
		})
	}
}

// FuzzBlocks checks, for any content and block size, that the blocks'
// lines are the file's lines, each read once, numbered as in the file.
func FuzzBlocks(f *testing.F) {
	f.Add([]byte("a\nbb\nccc\n"), uint8(2))
	f.Add([]byte("\n\n\n"), uint8(1))
	f.Add([]byte("{\"id\":1}\r\n{\"id\":2}"), uint8(7))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content []byte, bs uint8) {
		if bs == 0 {
			return
		}
		p := filepath.Join(dir, "in.jsonl")
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
		pieces, lines := readBlocks(t, p, int64(bs))
		checkBlocks(t, content, pieces, lines)
	})
}
