package pipeline

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// docSummary is what the JSON Lines tests compare.
type docSummary struct {
	ID, Source, Text string
	Err              string // substring of the error, "" for none
}

func TestJSONLines(t *testing.T) {
	long := strings.Repeat("ب", 1<<19) // 1 MiB of text
	tests := []struct {
		name  string
		input string
		opt   JSONLOptions
		want  []docSummary
	}{
		{
			name:  "good records",
			input: `{"id":"a","text":"مرحبا"}` + "\n" + `{"text":"<b>&</b>","id":"b","extra":[1,2]}` + "\n",
			want: []docSummary{
				{ID: "a", Source: "in.jsonl:1", Text: "مرحبا"},
				{ID: "b", Source: "in.jsonl:2", Text: "<b>&</b>"},
			},
		},
		{
			name:  "number and missing ids",
			input: `{"id":12,"text":"x"}` + "\n" + `{"id":1.5e3,"text":"y"}` + "\n" + `{"text":"z"}` + "\n" + `{"id":null,"text":"w"}`,
			want: []docSummary{
				{ID: "12", Source: "in.jsonl:1", Text: "x"},
				{ID: "1.5e3", Source: "in.jsonl:2", Text: "y"},
				{ID: "in.jsonl:3", Source: "in.jsonl:3", Text: "z"},
				{ID: "in.jsonl:4", Source: "in.jsonl:4", Text: "w"},
			},
		},
		{
			name:  "bad lines do not stop the stream",
			input: "{\"id\":\"a\",\"text\":\"x\"}\n{not json}\n{\"id\":\"c\",\"text\":\"y\"}\n",
			want: []docSummary{
				{ID: "a", Source: "in.jsonl:1", Text: "x"},
				{ID: "in.jsonl:2", Source: "in.jsonl:2", Err: "in.jsonl:2: invalid JSON"},
				{ID: "c", Source: "in.jsonl:3", Text: "y"},
			},
		},
		{
			name: "field problems",
			input: `{"id":"a"}` + "\n" + `{"id":"b","text":5}` + "\n" + `{"id":true,"text":"x"}` + "\n" +
				`[1,2]` + "\n" + `"text"` + "\n" + `null` + "\n" + `{"id":"g","text":null}`,
			want: []docSummary{
				{ID: "a", Source: "in.jsonl:1", Err: `in.jsonl:1: no field "text"`},
				{ID: "b", Source: "in.jsonl:2", Err: `in.jsonl:2: field "text" is a JSON number, want a string`},
				{ID: "in.jsonl:3", Source: "in.jsonl:3", Err: `field "id" is a JSON boolean, want a string or a number`},
				{ID: "in.jsonl:4", Source: "in.jsonl:4", Err: "record is a JSON array, want an object"},
				{ID: "in.jsonl:5", Source: "in.jsonl:5", Err: "record is a JSON string, want an object"},
				{ID: "in.jsonl:6", Source: "in.jsonl:6", Err: "record is a JSON null, want an object"},
				{ID: "g", Source: "in.jsonl:7", Err: `field "text" is a JSON null, want a string`},
			},
		},
		{
			name:  "CRLF line endings and blank lines",
			input: "{\"id\":\"a\",\"text\":\"x\\r\\ny\"}\r\n\r\n   \n{\"id\":\"b\",\"text\":\"z\"}\r\n",
			want: []docSummary{
				{ID: "a", Source: "in.jsonl:1", Text: "x\r\ny"},
				{ID: "b", Source: "in.jsonl:4", Text: "z"},
			},
		},
		{
			name:  "1 MiB line",
			input: `{"id":"long","text":"` + long + `"}` + "\n" + `{"id":"next","text":"n"}`,
			want: []docSummary{
				{ID: "long", Source: "in.jsonl:1", Text: long},
				{ID: "next", Source: "in.jsonl:2", Text: "n"},
			},
		},
		{
			name:  "line over MaxBytes",
			input: `{"id":"a","text":"` + strings.Repeat("x", 200) + `"}` + "\n" + `{"id":"b","text":"y"}` + "\n",
			opt:   JSONLOptions{MaxBytes: 100},
			want: []docSummary{
				{ID: "in.jsonl:1", Source: "in.jsonl:1", Err: "in.jsonl:1: record is 220 bytes, over the 100 bytes limit"},
				{ID: "b", Source: "in.jsonl:2", Text: "y"},
			},
		},
		{
			name:  "line at MaxBytes with CRLF",
			input: `{"id":"a","text":"xy"}` + "\r\n",
			opt:   JSONLOptions{MaxBytes: 22},
			want:  []docSummary{{ID: "a", Source: "in.jsonl:1", Text: "xy"}},
		},
		{
			name:  "invalid UTF-8",
			input: "{\"id\":\"a\",\"text\":\"\xff\"}\n",
			want:  []docSummary{{ID: "in.jsonl:1", Source: "in.jsonl:1", Err: "invalid UTF-8 at byte 18 of the line"}},
		},
		{
			name:  "custom fields",
			input: `{"doc_id":"k1","body":"نص","id":"no","text":"no"}`,
			opt:   JSONLOptions{IDField: "doc_id", TextField: "body"},
			want:  []docSummary{{ID: "k1", Source: "in.jsonl:1", Text: "نص"}},
		},
		{
			name:  "numbered from FirstLine",
			input: "{\"id\":\"a\",\"text\":\"x\"}\n\n{oops}\n",
			opt:   JSONLOptions{FirstLine: 41},
			want: []docSummary{
				{ID: "a", Source: "in.jsonl:41", Text: "x"},
				{ID: "in.jsonl:43", Source: "in.jsonl:43", Err: "in.jsonl:43: invalid JSON"},
			},
		},
		{
			name:  "empty input",
			input: "",
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []docSummary
			for d := range JSONLines("in.jsonl", strings.NewReader(tt.input), tt.opt) {
				s := docSummary{ID: d.ID, Source: d.Source, Text: d.Text}
				if d.Err != nil {
					s.Err = d.Err.Error()
				}
				got = append(got, s)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d documents, want %d: %+v", len(got), len(tt.want), short(got))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.ID != w.ID || g.Source != w.Source || g.Text != w.Text {
					t.Errorf("doc %d = %+v, want %+v", i, short([]docSummary{g}), short([]docSummary{w}))
					if g.Text != w.Text && len(g.Text) < 100 {
						t.Errorf("text:\n got % x\nwant % x", g.Text, w.Text)
					}
				}
				if (w.Err == "") != (g.Err == "") || !strings.Contains(g.Err, w.Err) {
					t.Errorf("doc %d error = %q, want %q", i, g.Err, w.Err)
				}
			}
		})
	}
}

// short trims texts for printing.
func short(docs []docSummary) []docSummary {
	out := make([]docSummary, len(docs))
	for i, d := range docs {
		if len(d.Text) > 40 {
			d.Text = d.Text[:40] + "…"
		}
		out[i] = d
	}
	return out
}

func TestJSONLinesReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("{\"id\":\"a\",\"text\":\"x\"}\n"), iotest.ErrReader(errors.New("cable cut")))
	var got []*Document
	for d := range JSONLines("", r, JSONLOptions{}) {
		got = append(got, d)
	}
	if len(got) != 2 || got[0].ID != "a" || got[1].Err == nil {
		t.Fatalf("got %d documents, want a good one and an error", len(got))
	}
	if want := "stdin:2: read: cable cut"; got[1].Err.Error() != want {
		t.Errorf("error = %q, want %q", got[1].Err, want)
	}
}

func TestJSONLinesBreak(t *testing.T) {
	n := 0
	for range JSONLines("x", strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n"), JSONLOptions{}) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("got %d documents, want 2", n)
	}
}

func TestReader(t *testing.T) {
	tests := []struct {
		name       string
		srcName    string
		input      string
		max        int64
		wantID     string
		wantSource string
		wantErr    string
	}{
		{name: "stdin", srcName: "-", input: "مرحبا", wantID: "stdin", wantSource: "-"},
		{name: "unnamed", srcName: "", input: "", wantID: "stdin", wantSource: "-"},
		{name: "named", srcName: "feed", input: "x", wantID: "feed", wantSource: "feed"},
		{name: "over the limit", srcName: "-", input: "12345", max: 4, wantID: "stdin", wantSource: "-", wantErr: "-: input is over the 4 bytes limit"},
		{name: "at the limit", srcName: "-", input: "1234", max: 4, wantID: "stdin", wantSource: "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []*Document
			for d := range ReaderMax(tt.srcName, strings.NewReader(tt.input), tt.max) {
				got = append(got, d)
			}
			if len(got) != 1 {
				t.Fatalf("got %d documents, want 1", len(got))
			}
			d := got[0]
			if d.ID != tt.wantID || d.Source != tt.wantSource {
				t.Errorf("ID, Source = %q, %q; want %q, %q", d.ID, d.Source, tt.wantID, tt.wantSource)
			}
			if tt.wantErr != "" {
				if d.Err == nil || d.Err.Error() != tt.wantErr {
					t.Errorf("Err = %v, want %q", d.Err, tt.wantErr)
				}
				if !errors.Is(d.Err, ErrTooLarge) {
					t.Errorf("errors.Is(%v, ErrTooLarge) = false", d.Err)
				}
				return
			}
			if d.Err != nil {
				t.Fatalf("Err = %v", d.Err)
			}
			if d.Raw == nil || string(d.Raw) != tt.input {
				t.Errorf("Raw = %q (nil %v), want %q", d.Raw, d.Raw == nil, tt.input)
			}
		})
	}
}
