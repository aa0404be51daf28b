package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// tree makes files (path → content) and symbolic links (path → target,
// for paths that end in "@") under a new temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(p, "@")))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(p, "@") {
			if err := os.Symlink(content, full); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if strings.HasSuffix(p, "/") {
			continue
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFiles(t *testing.T) {
	root := tree(t, map[string]string{
		"corpus/a.txt":            "a",
		"corpus/B.TXT":            "b",
		"corpus/c.md":             "c",
		"corpus/.hidden.txt":      "h",
		"corpus/.git/x.txt":       "x",
		"corpus/sub/d.txt":        "d",
		"corpus/sub/deeper/f.txt": "f",
		"corpus/self@":            ".",      // a loop: corpus/self → corpus
		"corpus/sub/back@":        "..",     // a loop: corpus/sub/back → corpus
		"corpus/other@":           "../ext", // a linked directory outside
		"corpus/dangling.txt@":    "nowhere.txt",
		"corpus/dangling-dir@":    "nowhere",
		"ext/g.txt":               "g",
		"plain/d.txt":             "d",
		"plain/e.text":            "e",
		"plain/deeper/f.TXT":      "f",
		"plain/deeper/g.json":     "g",
		"single.md":               "s",
	})
	rel := func(docs []*Document) (ids, paths, errs []string) {
		for _, d := range docs {
			ids = append(ids, d.ID)
			p, err := filepath.Rel(root, d.Source)
			if err != nil {
				t.Fatal(err)
			}
			p = filepath.ToSlash(p)
			if d.Err != nil {
				errs = append(errs, p)
				if !strings.HasPrefix(d.Err.Error(), d.Source+": ") {
					t.Errorf("error %q does not start with the source %q", d.Err, d.Source)
				}
				continue
			}
			if d.Path != d.Source {
				t.Errorf("Path %q != Source %q", d.Path, d.Source)
			}
			paths = append(paths, p)
		}
		return ids, paths, errs
	}
	in := func(p ...string) []string {
		for i := range p {
			p[i] = filepath.Join(root, filepath.FromSlash(p[i]))
		}
		return p
	}
	tests := []struct {
		name      string
		paths     []string
		ext       []string
		wantPaths []string
		wantErrs  []string
	}{
		{
			name:  "directory, default extension, links followed once",
			paths: in("corpus"),
			wantPaths: []string{
				"corpus/B.TXT", "corpus/a.txt", "corpus/other/g.txt",
				"corpus/sub/d.txt", "corpus/sub/deeper/f.txt",
			},
			wantErrs: []string{"corpus/dangling.txt"},
		},
		{
			name:      "extensions with and without dot, any case",
			paths:     in("plain"),
			ext:       []string{"TEXT", ".txt"},
			wantPaths: []string{"plain/d.txt", "plain/deeper/f.TXT", "plain/e.text"},
		},
		{
			name:      "named files taken whatever their extension",
			paths:     in("single.md", "corpus/.hidden.txt", "corpus/c.md"),
			wantPaths: []string{"single.md", "corpus/.hidden.txt", "corpus/c.md"},
		},
		{
			name:      "missing path yields an error and the walk goes on",
			paths:     in("missing", "ext", "also-missing.txt"),
			wantPaths: []string{"ext/g.txt"},
			wantErrs:  []string{"missing", "also-missing.txt"},
		},
		{
			name:      "linked directory as the root",
			paths:     in("corpus/other"),
			wantPaths: []string{"corpus/other/g.txt"},
		},
		{
			name:  "each real directory once",
			paths: in("."),
			// ext is walked as corpus/other, and not again as itself
			wantPaths: []string{
				"corpus/B.TXT", "corpus/a.txt", "corpus/other/g.txt",
				"corpus/sub/d.txt", "corpus/sub/deeper/f.txt", "plain/d.txt", "plain/deeper/f.TXT",
			},
			wantErrs: []string{"corpus/dangling.txt"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan []*Document)
			go func() {
				var docs []*Document
				for d := range Files(context.Background(), tt.paths, FileOptions{Ext: tt.ext}) {
					docs = append(docs, d)
				}
				done <- docs
			}()
			var docs []*Document
			select {
			case docs = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Files did not finish: a symbolic link loop?")
			}
			_, paths, errs := rel(docs)
			if !reflect.DeepEqual(paths, tt.wantPaths) {
				t.Errorf("files:\n got %q\nwant %q", paths, tt.wantPaths)
			}
			if !reflect.DeepEqual(errs, tt.wantErrs) {
				t.Errorf("errors:\n got %q\nwant %q", errs, tt.wantErrs)
			}
		})
	}
}

func TestFilesDocument(t *testing.T) {
	root := tree(t, map[string]string{"news/article.one.txt": "x"})
	var docs []*Document
	for d := range Files(context.Background(), []string{filepath.Join(root, "news"), filepath.Join(root, "nope.txt")}, FileOptions{}) {
		docs = append(docs, d)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	if d := docs[0]; d.ID != "article.one" || d.Raw != nil || d.Text != "" || d.Err != nil {
		t.Errorf("document = %+v, want ID article.one and nothing read", d)
	}
	if d := docs[1]; d.ID != "nope" || !errors.Is(d.Err, fs.ErrNotExist) {
		t.Errorf("missing file: ID %q, Err %v; want nope and fs.ErrNotExist", d.ID, d.Err)
	}
}

func TestFilesStops(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d"} {
		files["dir/"+n+".txt"] = n
	}
	root := tree(t, files)
	t.Run("consumer breaks", func(t *testing.T) {
		n := 0
		for range Files(context.Background(), []string{filepath.Join(root, "dir"), filepath.Join(root, "dir")}, FileOptions{}) {
			n++
			if n == 2 {
				break
			}
		}
		if n != 2 {
			t.Errorf("got %d documents, want 2", n)
		}
	})
	t.Run("context cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		n := 0
		for range Files(ctx, []string{filepath.Join(root, "dir")}, FileOptions{}) {
			n++
			cancel()
		}
		if n != 1 {
			t.Errorf("got %d documents after cancel, want 1", n)
		}
	})
}
