package outfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// leftovers returns the temporary files left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCreateCommitAbort(t *testing.T) {
	tests := []struct {
		name   string
		old    string // content before; "" for no file
		commit bool
		want   string // content after; "" for no file
	}{
		{"commit replaces", "old\n", true, "new\n"},
		{"abort keeps", "old\n", false, "old\n"},
		{"commit creates", "", true, "new\n"},
		{"abort creates nothing", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.jsonl")
			if tt.old != "" {
				write(t, path, tt.old)
			}
			f, err := Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Write([]byte("new\n")); err != nil {
				t.Fatal(err)
			}
			// Until Commit, the name keeps what it had.
			if got, err := os.ReadFile(path); tt.old == "" && err == nil || tt.old != "" && string(got) != tt.old {
				t.Errorf("before Commit: %q, %v; want %q", got, err, tt.old)
			}
			if tt.commit {
				err = f.Commit()
			} else {
				err = f.Abort()
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if tt.want == "" {
				if !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("file exists after abort: %q, %v", got, err)
				}
			} else if string(got) != tt.want {
				t.Errorf("after: %q, %v; want %q", got, err, tt.want)
			}
			if l := leftovers(t, dir); len(l) > 0 {
				t.Errorf("temporary files left: %v", l)
			}
			if err := f.Commit(); !errors.Is(err, fs.ErrClosed) {
				t.Errorf("second Commit: %v, want ErrClosed", err)
			}
		})
	}
}

// TestCreateTempIsHidden checks that the temporary file sits in the
// output's folder under a name a folder walk skips (a leading dot).
func TestCreateTempIsHidden(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), ".out.txt.tmp-") {
		t.Errorf("folder holds %v, want one hidden temporary file", entries)
	}
}

func TestCreateKeepsModeAndLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.jsonl")
	write(t, real, "old")
	if err := os.Chmod(real, 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink("real.jsonl", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if li, err := os.Lstat(link); err != nil || li.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", li.Mode(), err)
	}
	if got := read(t, real); got != "new" {
		t.Errorf("link target holds %q, want new", got)
	}
	if info, err := os.Stat(real); err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, %v; want 0640", info.Mode().Perm(), err)
	}
}

// TestCreateDevice checks that a device is written in place, not
// replaced by a renamed file.
func TestCreateDevice(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip(err)
	}
	f, err := Create(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode().IsRegular() {
		t.Errorf("%s is now a regular file", os.DevNull)
	}
}

func TestCreateMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "out.txt")
	_, err := Create(path)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != path || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Create in a missing folder: %v, want a PathError naming %s", err, path)
	}
}
