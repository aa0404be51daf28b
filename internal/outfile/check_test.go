package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	write(t, filepath.Join(in, "a.txt"), "مقال")
	write(t, filepath.Join(in, "sub", "b.txt"), "مقال")
	write(t, filepath.Join(dir, "other", "c.txt"), "مقال")
	if err := os.Symlink(filepath.Join(in, "a.txt"), filepath.Join(dir, "sym.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(in, "a.txt"), filepath.Join(dir, "hard.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(in, filepath.Join(dir, "insym")); err != nil {
		t.Fatal(err)
	}
	p := func(rel string) string { return filepath.Join(dir, rel) }
	txt := []string{".txt"}
	tests := []struct {
		name   string
		target Target
		inputs []string
		walked []string
		bad    bool
	}{
		{"the input file", Target{Path: p("in/a.txt")}, []string{p("in/a.txt")}, txt, true},
		{"the input file through a symbolic link", Target{Path: p("sym.txt")}, []string{p("in/a.txt")}, txt, true},
		{"an input named through a symbolic link", Target{Path: p("in/a.txt")}, []string{p("sym.txt")}, txt, true},
		{"a hard link to the input", Target{Path: p("hard.txt")}, []string{p("in/a.txt")}, txt, true},
		{"the same file with a non-walked extension", Target{Path: p("in/a.txt")}, []string{p("in/a.txt")}, nil, true},
		{"another file", Target{Path: p("other/c.txt")}, []string{p("in/a.txt")}, txt, false},
		{"under the input folder, walked extension", Target{Path: p("in/out.txt")}, []string{p("in")}, txt, true},
		{"deep under the input folder", Target{Path: p("in/sub/new/out.txt")}, []string{p("in")}, txt, true},
		{"under the input folder, extension in another case", Target{Path: p("in/OUT.TXT")}, []string{p("in")}, txt, true},
		{"under the input folder through a link", Target{Path: p("insym/out.txt")}, []string{p("in")}, txt, true},
		{"under a linked input folder", Target{Path: p("in/out.txt")}, []string{p("insym")}, txt, true},
		{"under the input folder, --ext without a dot", Target{Path: p("in/out.md")}, []string{p("in")}, []string{"MD"}, true},
		{"under the input folder, other extension", Target{Path: p("in/out.jsonl")}, []string{p("in")}, txt, false},
		{"under the input folder, not walked", Target{Path: p("in/out.txt")}, []string{p("in")}, nil, false},
		{"beside the input folder", Target{Path: p("in.txt")}, []string{p("in")}, txt, false},
		{"a folder whose name extends the input's", Target{Path: p("inx/out.txt")}, []string{p("in")}, txt, false},
		{"standard input", Target{Path: p("in/a.txt")}, []string{"-"}, txt, false},
		{"a missing input", Target{Path: p("in/out.txt")}, []string{p("missing")}, txt, false},
		{"folder: the input folder", Target{Path: p("in"), Dir: true, Exts: []string{".txt", ".ann"}}, []string{p("in")}, txt, true},
		{"folder: under the input folder", Target{Path: p("in/brat"), Dir: true, Exts: []string{".txt", ".ann"}}, []string{p("in")}, txt, true},
		{"folder: under the input folder, other extensions", Target{Path: p("in/pages"), Dir: true, Exts: []string{".html"}}, []string{p("in")}, txt, false},
		{"folder: holds an input file it may overwrite", Target{Path: p("in"), Dir: true, Exts: []string{".txt"}}, []string{p("in/a.txt")}, txt, true},
		{"folder: holds an input file of another extension", Target{Path: p("in"), Dir: true, Exts: []string{".html"}}, []string{p("in/a.txt")}, txt, false},
		{"folder: elsewhere", Target{Path: p("brat"), Dir: true, Exts: []string{".txt"}}, []string{p("in")}, txt, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckInputs(tt.target, tt.inputs, tt.walked)
			var ce *ConflictError
			if got := errors.As(err, &ce); got != tt.bad {
				t.Fatalf("CheckInputs(%+v, %q, %q) = %v, want a conflict: %v", tt.target, tt.inputs, tt.walked, err, tt.bad)
			}
			if ce != nil && (ce.Output != tt.target.Path || ce.Input == "") {
				t.Errorf("error names output %q, input %q", ce.Output, ce.Input)
			}
		})
	}
}
