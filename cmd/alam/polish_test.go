package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPolish(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.yaml")
	os.WriteFile(broken, []byte("entries:\n  - id: [\n"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	os.WriteFile(filepath.Join(empty, "notes.md"), []byte("x"), 0o644)
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string // substrings of stdout and stderr
		notErr   string
	}{
		{name: "--version", args: []string{"--version"}, out: "alam 0.1.0\n"},
		{name: "version", args: []string{"version"}, out: "alam 0.1.0\n"},
		{name: "-v is not the version", args: []string{"-v"}, code: exitUsage, err: "unknown shorthand flag: 'v'"},
		{name: "did you mean, root", args: []string{"extrct"}, code: exitUsage, err: `did you mean "extract"?`},
		{name: "did you mean, group", args: []string{"gazetteer", "chek"}, code: exitUsage, err: `did you mean "check"?`},
		{name: "no suggestion", args: []string{"zzzzzz"}, code: exitUsage, err: `unknown command "zzzzzz" for "alam"`, notErr: "did you mean"},
		{name: "broken -g is a data error", args: []string{"extract", "-g", broken, "-"}, code: exitUsage, err: "broken.yaml:", notErr: "alam help"},
		{name: "missing -g is a data error", args: []string{"extract", "-g", filepath.Join(dir, "nope.yaml"), "-"}, code: exitUsage, err: "nope.yaml", notErr: "alam help"},
		{name: "no-default without -g is a usage error", args: []string{"extract", "--no-default-gazetteer", "-"}, code: exitUsage, err: "alam help"},
		{name: "empty folder said so", args: []string{"extract", empty}, err: "no articles in " + empty + ": no .txt files (see --ext)"},
		{name: "help shows real defaults", args: []string{"topics", "train", "--help"}, out: "(default 0.5)"},
		{name: "completion of --format", args: []string{"__complete", "extract", "--format", ""}, out: "conll\nbrat\nhtml\n"},
		{name: "completion of --encoding", args: []string{"__complete", "extract", "--encoding", "w"}, out: "windows-1256\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := alam(t, "زار الرئيس الكويت", tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.err) ||
				tt.notErr != "" && strings.Contains(errOut, tt.notErr) {
				t.Errorf("alam %q: exit %d (want %d)\nstdout %.400q (want %q)\nstderr %q (want %q, not %q)",
					tt.args, code, tt.code, out, tt.out, errOut, tt.err, tt.notErr)
			}
		})
	}
}
