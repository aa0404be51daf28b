package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/internal/schematest"
	"github.com/alam-nlp/alam/pipeline"
)

// TestRecordKeys checks that every record, failed or not, has every
// top-level key, and that meta keeps a JSON Lines record's other fields.
func TestRecordKeys(t *testing.T) {
	in := `{"id":1,"text":"وصل الرئيس إلى الكويت","section":"سياسة","date":"2024-01-02"}` + "\n" +
		`{"id":"x","body":"no text field","url":"http://a/b"}` + "\n" +
		`{"id":1,"text":"زار باريس"}` + "\n"
	code, out, errOut := alam(t, in, "extract", "--input", "jsonl")
	if code != exitFailed {
		t.Fatalf("exit %d, want %d: %s", code, exitFailed, errOut)
	}
	want := []string{"id", "source", "meta", "lang", "stats", "mentions", "entities", "topics", "keywords", "error"}
	metas := []string{`{"section":"سياسة","date":"2024-01-02"}`, `{"body":"no text field","url":"http://a/b"}`, `{}`}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d records, want 3:\n%s", len(lines), out)
	}
	for i, line := range lines {
		var rec map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		for _, k := range want {
			if _, ok := rec[k]; !ok {
				t.Errorf("record %d lacks %q: %s", i, k, line)
			}
		}
		if len(rec) != len(want) {
			t.Errorf("record %d has %d keys, want %d", i, len(rec), len(want))
		}
		for _, k := range []string{"mentions", "entities", "topics", "keywords"} {
			if !bytes.HasPrefix(rec[k], []byte("[")) {
				t.Errorf("record %d: %s is %s, want a list", i, k, rec[k])
			}
		}
		if string(rec["meta"]) != metas[i] {
			t.Errorf("record %d: meta %s, want %s", i, rec["meta"], metas[i])
		}
		failed := i == 1
		if isNull := string(rec["error"]) == "null"; isNull == failed {
			t.Errorf("record %d: error %s", i, rec["error"])
		}
	}
	if !strings.Contains(lines[0], `"id":"1"`) {
		t.Errorf("numeric id not kept as its digits: %s", lines[0])
	}
	if !strings.Contains(errOut, `stdin:3: id "1" repeats the id of stdin:1`) {
		t.Errorf("stderr does not report the repeated id:\n%s", errOut)
	}
}

// TestRecordsValidate validates against the schema the records of the
// golden article and of runs with failed articles (a missing file, a
// binary file, bad JSON Lines), as JSON Lines and as one array.
func TestRecordsValidate(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin.txt")
	os.WriteFile(bin, []byte("PNG\x00\x01\x02"), 0o644)
	runs := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"golden article", "", []string{"extract", "--text", "../../testdata/"}},
		{"golden article as an array", "", []string{"extract", "--format", "json", "../../testdata/"}},
		{"failed files", "", []string{"extract", "missing.txt", bin}},
		{"json lines with failures", `{"id":1,"text":"زار الرئيس الكويت","section":"x"}` + "\nnot json\n" + `{"id":"b"}` + "\n",
			[]string{"extract", "--input", "jsonl"}},
	}
	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			_, out, errOut := alam(t, r.stdin, r.args...)
			if out == "" {
				t.Fatalf("no output; stderr %s", errOut)
			}
			schematest.ValidRecords(t, pipeline.Schema(), pipeline.SchemaID, []byte(out))
		})
	}
}

func TestSchemaCommand(t *testing.T) {
	code, out, errOut := alam(t, "", "schema")
	if code != exitOK || !json.Valid([]byte(out)) || !strings.Contains(out, pipeline.SchemaID) {
		t.Errorf("alam schema: exit %d, stderr %q, output %.80q", code, errOut, out)
	}
	if code, _, _ := alam(t, "", "schema", "x"); code != exitUsage {
		t.Errorf("alam schema x: exit %d, want %d", code, exitUsage)
	}
}

func TestFormats(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		want string // in stdout, or in the file named by the last -o
	}{
		{"conll", []string{"extract", "--format", "conll", "-"}, exitOK, "الكويت B-COUNTRY\n"},
		{"conll names", []string{"extract", "--format", "conll", "--conll-names"}, exitOK, "الكويت B-LOC\n"},
		{"html to stdout", []string{"extract", "--format", "html"}, exitOK, `data-entity="country:KW"`},
		{"brat", []string{"extract", "--format", "brat", "-o", filepath.Join(dir, "brat")}, exitOK, ""},
		{"html folder", []string{"extract", "--format", "html", "-o", filepath.Join(dir, "pages") + "/"}, exitOK, ""},
		{"brat needs -o", []string{"extract", "--format", "brat"}, exitUsage, ""},
		{"conll-names needs conll", []string{"extract", "--conll-names"}, exitUsage, ""},
		{"unknown format", []string{"extract", "--format", "xml"}, exitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := alam(t, "زار الرئيس الكويت", tt.args...)
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d (want %d), stdout %.300q lacks %q; stderr %q", code, tt.code, out, tt.want, errOut)
			}
		})
	}
	for _, f := range []string{"brat/stdin.txt", "brat/stdin.ann", "brat/annotation.conf", "pages/index.html", "pages/stdin.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}
