package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
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
