package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/alam-nlp/alam/internal/testutil"
)

// alam runs the command with args and returns its exit code and output.
func alam(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// record is the part of an output record the tests read.
type record struct {
	ID       string `json:"id"`
	Source   string `json:"source"`
	Error    string `json:"error"`
	Mentions []struct {
		Text       string `json:"text"`
		Start, End int
		Type       string `json:"type"`
		Entity     string `json:"entity"`
	} `json:"mentions"`
}

func records(t *testing.T, out string) []record {
	t.Helper()
	var recs []record
	for line := range strings.Lines(out) {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad record %q: %v", line, err)
		}
		recs = append(recs, r)
	}
	return recs
}

// TestExtractGolden runs the README's command on testdata/ and compares
// the records with the golden file (go test -update rewrites it).
func TestExtractGolden(t *testing.T) {
	code, out, errOut := alam(t, "", "extract", "-j", "2", "../../testdata/")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	testutil.Golden(t, "../../testdata/000_08d5b8224b143400.golden.jsonl", []byte(out))
	// Every mention's text is the original text between its code point
	// offsets, as Python slices it.
	text, err := os.ReadFile("../../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(string(text))
	for _, r := range records(t, out) {
		for _, m := range r.Mentions {
			if got := string(runes[m.Start:m.End]); got != m.Text {
				t.Errorf("text[%d:%d] = %q, mention %q", m.Start, m.End, got, m.Text)
			}
		}
	}
}

// TestExtractHostileDirectory runs extract over a directory of awkward
// files: one record per file, clear errors for what cannot be decoded, the
// re-encoded articles give the mentions of their UTF-8 original, and the
// exit status is 1.
func TestExtractHostileDirectory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 50 MB file")
	}
	orig, err := os.ReadFile("../../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cp1256, err := charmap.Windows1256.NewEncoder().Bytes(orig)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(orig)
	if err != nil {
		t.Fatal(err)
	}
	write("a_utf8.txt", orig)
	write("b_empty.txt", nil)
	write("c_binary.txt", []byte("\x00\x01\x02ELF\x00\x00\xff\xfe\x00"))
	write("d_cp1256.txt", cp1256)
	write("e_utf16.txt", utf16)
	write("f_bom.txt", append([]byte("\uFEFF"), orig...))
	// The headline in presentation forms: NFKC folds them back.
	write("g_presentation.txt", []byte("\uFEE3\uFE92\uFE98\uFEE4\uFEAE \uFE8D\uFEDF\uFEDC\uFEEE\uFEF3\uFE96"))
	big := bytes.Repeat([]byte("الكويت "), 50<<20/len("الكويت "))
	write("h_big.txt", big)
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}

	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	code, out, errOut := alam(t, "", "extract", "-j", "2", dir)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if code != exitFailed {
		t.Errorf("exit %d, want %d (some files fail)", code, exitFailed)
	}
	recs := records(t, out)
	byID := map[string]record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	if len(recs) != 8 || len(byID) != 8 {
		t.Fatalf("%d records for 8 files (ids %v)\nstderr: %s", len(recs), keys(byID), errOut)
	}
	for id, wantErr := range map[string]string{"c_binary": "binary", "h_big": "over the 16 MiB limit"} {
		if !strings.Contains(byID[id].Error, wantErr) || !strings.Contains(errOut, wantErr) {
			t.Errorf("%s: error %q, want it to say %q (stderr %q)", id, byID[id].Error, wantErr, errOut)
		}
	}
	for _, id := range []string{"a_utf8", "b_empty", "d_cp1256", "e_utf16", "f_bom", "g_presentation"} {
		if e := byID[id].Error; e != "" {
			t.Errorf("%s: unexpected error %q", id, e)
		}
	}
	want := mentionKeys(byID["a_utf8"])
	if len(want) == 0 {
		t.Fatal("no mentions in the UTF-8 article")
	}
	for _, id := range []string{"d_cp1256", "e_utf16", "f_bom"} {
		if got := mentionKeys(byID[id]); got != want {
			t.Errorf("%s: mentions differ from the UTF-8 original:\n got %s\nwant %s", id, got, want)
		}
	}
	if got := mentionKeys(byID["g_presentation"]); !strings.Contains(got, "COUNTRY country:KW") {
		t.Errorf("presentation forms: mentions %s, want Kuwait", got)
	}
	if grown := int64(after.TotalAlloc - before.TotalAlloc); grown > 1<<30 {
		t.Errorf("allocated %d MB over the run", grown>>20)
	}
}

// mentionKeys is a comparable summary of a record's mentions.
func mentionKeys(r record) string {
	var b strings.Builder
	for _, m := range r.Mentions {
		fmt.Fprintf(&b, "%d-%d %s %s %s|", m.Start, m.End, m.Type, m.Entity, norm.NFC.String(m.Text))
	}
	return b.String()
}

func keys(m map[string]record) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"stdin article", "زار الرئيس الكويت", []string{"extract"}, exitOK},
		{"jsonl with a bad line", "{\"id\":\"a\",\"text\":\"مصر\"}\nnot json\n", []string{"extract", "--input", "jsonl"}, exitFailed},
		{"missing file", "", []string{"extract", "does-not-exist.txt"}, exitFailed},
		{"unknown flag", "", []string{"extract", "--nope"}, exitUsage},
		{"bad format", "", []string{"extract", "--format", "xml"}, exitUsage},
		{"unknown command", "", []string{"frobnicate"}, exitUsage},
		{"missing gazetteer file", "", []string{"extract", "-g", "nope.yaml"}, exitUsage},
		{"version", "", []string{"version"}, exitOK},
		{"lookup found", "", []string{"gazetteer", "lookup", "بالكويت"}, exitOK},
		{"lookup not found", "", []string{"gazetteer", "lookup", "زززز"}, exitFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, errOut := alam(t, tt.stdin, tt.args...); code != tt.want {
				t.Errorf("alam %q: exit %d, want %d; stderr %q", tt.args, code, tt.want, errOut)
			}
		})
	}
}

func TestJSONLInput(t *testing.T) {
	in := `{"id":"a1","text":"وصل الرئيس إلى الكويت"}` + "\n" + `{"doc":7,"body":"زار باريس"}` + "\n"
	code, out, errOut := alam(t, in, "extract", "--input", "jsonl")
	if code != exitFailed { // the second line has no "text" field
		t.Fatalf("exit %d, want %d: %s", code, exitFailed, errOut)
	}
	recs := records(t, out)
	if len(recs) != 2 || recs[0].ID != "a1" || recs[1].Error == "" {
		t.Fatalf("records %+v", recs)
	}
	code, out, _ = alam(t, in, "extract", "--input", "jsonl", "--id-field", "doc", "--text-field", "body")
	recs = records(t, out)
	if code != exitFailed || len(recs) != 2 || recs[1].ID != "7" || recs[1].Error != "" || recs[0].Error == "" {
		t.Fatalf("with fields doc/body: exit %d, records %+v", code, recs)
	}
}

func TestGazetteerCheck(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("entries:\n  - id: country:KW\n    type: COUNTRY\n    name: Kuwait\n    nme_ar: الكويت\n"), 0o644)
	code, _, errOut := alam(t, "", "gazetteer", "check", bad)
	if code != exitFailed || !strings.Contains(errOut, "bad.yaml:5:5:") {
		t.Errorf("exit %d, stderr %q; want 1 and a file:line:col error", code, errOut)
	}
	code, out, errOut := alam(t, "", "gazetteer", "check", "../../gazetteer/testdata/tiny.yaml")
	if code != exitOK || !strings.Contains(out, "entries:") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestGazetteerDumpLoadsAgain(t *testing.T) {
	code, out, errOut := alam(t, "", "gazetteer", "dump", "--no-default-gazetteer", "-g", "../../gazetteer/testdata/tiny.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	path := filepath.Join(t.TempDir(), "dump.yaml")
	os.WriteFile(path, []byte(out), 0o644)
	if code, _, errOut := alam(t, "", "gazetteer", "check", path); code != exitOK {
		t.Errorf("dump does not load again: exit %d: %s", code, errOut)
	}
}
