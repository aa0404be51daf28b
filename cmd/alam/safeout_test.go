package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOutputConflicts checks that an -o that is an input, or that the walk
// of an input folder would read, is refused with exit status 2 before
// anything is written.
func TestOutputConflicts(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	a := filepath.Join(in, "a.txt")
	writeFile(t, a, "زار الرئيس الكويت")
	writeFile(t, filepath.Join(in, "old.txt"), "old output")
	if err := os.Symlink(a, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, filepath.Join(dir, "hard.txt")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		file string // a file that must keep its content
		want int
	}{
		{"output is the input", []string{"extract", a, "-o", a}, a, exitUsage},
		{"output is a symbolic link to the input", []string{"extract", a, "-o", filepath.Join(dir, "link.txt")}, a, exitUsage},
		{"output is a hard link to the input", []string{"extract", filepath.Join(dir, "hard.txt"), "-o", a}, a, exitUsage},
		{"output is the input, jsonl", []string{"extract", "--input", "jsonl", a, "-o", a}, a, exitUsage},
		{"output under the input folder", []string{"extract", in, "-o", filepath.Join(in, "old.txt")}, filepath.Join(in, "old.txt"), exitUsage},
		{"output under the input folder, --ext", []string{"extract", "--ext", "md,txt", in, "-o", filepath.Join(in, "old.txt")}, filepath.Join(in, "old.txt"), exitUsage},
		{"brat into the input folder", []string{"extract", "--format", "brat", in, "-o", in}, a, exitUsage},
		{"brat under the input folder", []string{"extract", "--format", "brat", in, "-o", filepath.Join(in, "brat")}, a, exitUsage},
		{"output beside the input", []string{"extract", a, "-o", filepath.Join(dir, "out.txt")}, a, exitOK},
		{"jsonl output under the input folder", []string{"extract", in, "-o", filepath.Join(in, "out.jsonl")}, a, exitOK},
		{"html pages under the input folder", []string{"extract", "--format", "html", in, "-o", filepath.Join(in, "pages") + "/"}, a, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := readFile(t, tt.file)
			code, _, errOut := alam(t, "", tt.args...)
			if code != tt.want {
				t.Fatalf("alam %q: exit %d, want %d; stderr %q", tt.args, code, tt.want, errOut)
			}
			if got := readFile(t, tt.file); got != before {
				t.Errorf("%s changed: %q, was %q", tt.file, got, before)
			}
			if tt.want == exitUsage && !strings.Contains(errOut, "alam: -o: output ") {
				t.Errorf("stderr %q does not say why", errOut)
			}
			if _, err := os.Stat(filepath.Join(in, "brat")); err == nil {
				t.Errorf("the refused brat folder was created")
			}
		})
	}
}

// TestOutputKeptWhenInterrupted checks that a run that does not end
// leaves an existing -o as it was.
func TestOutputKeptWhenInterrupted(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	writeFile(t, out, "old records\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr strings.Builder
	code := run(ctx, []string{"extract", "-o", out, "../../testdata/"}, strings.NewReader(""), &stdout, &stderr)
	if code == exitOK {
		t.Fatalf("interrupted run: exit %d; stderr %q", code, stderr.String())
	}
	if got := readFile(t, out); got != "old records\n" {
		t.Errorf("out holds %q after an interrupted run", got)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if code, _, errOut := alam(t, "", "extract", "-o", out, "../../testdata/"); code != exitOK || !strings.HasPrefix(readFile(t, out), `{"id":"000_08d5b8224b143400"`) {
		t.Errorf("complete run: exit %d, out %.60q; stderr %q", code, readFile(t, out), errOut)
	}
}

// TestOutputKeptWhenKilled kills a real alam process with SIGKILL while it
// writes -o: the existing file keeps its content.
func TestOutputKeptWhenKilled(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	writeFile(t, out, "old records\n")
	cmd, stdin := startAlam(t, nil, nil, "extract", "--input", "jsonl", "-j", "1", "-o", out)
	// Records go out while standard input stays open: the run is under way.
	for i := range 50 {
		if _, err := stdin.Write([]byte(`{"id":"` + string(rune('a'+i%26)) + `","text":"زار الرئيس الكويت"}` + "\n")); err != nil {
			t.Fatal(err)
		}
	}
	// Wait until some records are written: to the temporary file, or (as
	// before outfile) to out itself.
	deadline := time.Now().Add(20 * time.Second)
	for {
		m, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.tmp-*"))
		if len(m) == 1 {
			if info, err := os.Stat(m[0]); err == nil && info.Size() > 0 {
				break
			}
		}
		if readFile(t, out) != "old records\n" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no output written after 20 s (found %v)", m)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if got := readFile(t, out); got != "old records\n" {
		t.Errorf("out holds %.80q after SIGKILL, want the old records", got)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNamesWithControlCharacters runs extract over files whose names hold
// terminal escapes and bytes that are not UTF-8: no control character
// reaches stderr raw, and the records keep the names apart.
func TestNamesWithControlCharacters(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "red\x1b[31m.txt"), "\x00\x01\x02binary")
	writeFile(t, filepath.Join(dir, "sub", "red\x1b[31m.txt"), "زار الرئيس الكويت")
	writeFile(t, filepath.Join(dir, "a\xfe.txt"), "زار الرئيس الكويت")
	writeFile(t, filepath.Join(dir, "a\xff.txt"), "زار الرئيس الكويت")
	code, out, errOut := alam(t, "", "extract", dir, "--input", "text", filepath.Join(dir, "missing\x1b]0;title\x07.txt"))
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	for _, c := range errOut {
		if c < 0x20 && c != '\n' || c == 0x7f {
			t.Fatalf("stderr holds the control character %U raw: %q", c, errOut)
		}
	}
	for _, want := range []string{`red\x1b[31m.txt": binary file`, `id "red\x1b[31m" repeats the id of "`, `missing\x1b]0;title\a.txt": `} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %s:\n%s", want, errOut)
		}
	}
	ids := map[string]bool{}
	for _, r := range records(t, out) {
		ids[r.ID] = true
	}
	if !ids[`a\xfe`] || !ids[`a\xff`] {
		t.Errorf("ids %v, want a\\xfe and a\\xff", ids)
	}
	code, _, errOut = alam(t, "", "extract", "--input", "jsonl", filepath.Join(dir, "gone\x1b[2J.jsonl"))
	if code != exitFailed || strings.ContainsRune(errOut, 0x1b) || !strings.Contains(errOut, `gone\x1b[2J.jsonl": open: `) {
		t.Errorf("jsonl: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = alam(t, "", "gazetteer", "check", filepath.Join(dir, "g\x1b[2J.yaml"))
	if code == exitOK || strings.ContainsRune(errOut, 0x1b) {
		t.Errorf("gazetteer check: exit %d, stderr %q", code, errOut)
	}
}

// TestModelOutputConflicts checks that train ner and topics train refuse a
// model -o that is one of their inputs, and leave it untouched.
func TestModelOutputConflicts(t *testing.T) {
	dir := t.TempDir()
	conll := filepath.Join(dir, "train.conll")
	writeFile(t, conll, "قال O\nمحمد B-PERS\n\n")
	label := filepath.Join(dir, "topics", "sport", "a.txt")
	writeFile(t, label, "فاز الفريق بالمباراة")
	tests := []struct {
		name string
		args []string
		file string
	}{
		{"train ner -o its data", []string{"train", "ner", conll, "-o", conll}, conll},
		{"train ner -o its dev file", []string{"train", "ner", filepath.Join(dir, "other.conll"), "--dev", conll, "-o", conll}, conll},
		{"topics train -o a document", []string{"topics", "train", filepath.Join(dir, "topics"), "-o", label}, label},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := readFile(t, tt.file)
			code, _, errOut := alam(t, "", tt.args...)
			if code != exitUsage || !strings.Contains(errOut, "alam: -o: output ") {
				t.Errorf("alam %q: exit %d, stderr %q; want %d and the reason", tt.args, code, errOut, exitUsage)
			}
			if got := readFile(t, tt.file); got != before {
				t.Errorf("%s changed to %q", tt.file, got)
			}
		})
	}
}
