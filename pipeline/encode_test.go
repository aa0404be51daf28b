package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleDocs are the documents of the golden file: a full result, an empty
// one and a failed one.
func sampleDocs() []*Document {
	text := "قال الرئيس الكويتي <b>&</b> في الكويت"
	return []*Document{
		{
			ID: "000_sample", Source: "testdata/000_sample.txt", Lang: "ar", Text: text,
			Stats: Stats{Chars: 37, Tokens: 8, Sentences: 1},
			Mentions: []Mention{
				{Text: "الكويتي", Base: "الكويتي", Start: 11, End: 18, ByteStart: 20, ByteEnd: 34, Type: "COUNTRY", Entity: "country:KW",
					Form: "adjective", Sentence: 0, Source: "gazetteer", Score: 0.912345},
				{Text: "الكويت", Base: "الكويت", Start: 31, End: 37, Type: "COUNTRY", Entity: "country:KW",
					Form: "name", Source: "gazetteer", Score: 1},
			},
			Entities: []Entity{
				{ID: "country:KW", Type: "COUNTRY", Name: "Kuwait", NameAr: "الكويت", Count: 2, First: 11,
					Attrs: NewAttrs(map[string]any{"iso": "KW", "member_of": []string{"org:arab-league", "org:gcc"}})},
				{ID: "person:x", Type: "PERSON", Name: "X <Y> & Z", NameAr: "س", Count: 1, First: 4},
			},
			Topics: []Topic{
				{ID: "politics", Label: "politics", LabelAr: "سياسة", Score: 2.0 / 3, Evidence: []string{"الرئيس"}},
				{ID: "nil-evidence", Label: "none", LabelAr: "لا شيء", Score: Score(math.NaN())},
			},
			Keywords: []Keyword{{Text: "الكويت", Score: 0.00004}, {Text: "قال", Score: -0.00001}},
		},
		{ID: "001_empty", Source: "-"},
		{
			ID: "002_failed", Source: "corpus/002_failed.txt",
			Stats:    Stats{Chars: 3},
			Mentions: []Mention{{Text: "dropped"}},
			Err:      &Error{Source: "corpus/002_failed.txt", Err: ErrBinary},
		},
	}
}

func TestJSONLinesGolden(t *testing.T) {
	var buf bytes.Buffer
	enc := NewJSONLines(&buf, EncodeOptions{})
	for _, d := range sampleDocs() {
		if err := enc.Encode(d); err != nil {
			t.Fatalf("Encode(%s): %v", d.ID, err)
		}
	}
	withText := NewJSONLines(&buf, EncodeOptions{Text: true})
	if err := withText.Encode(&Document{ID: "003_text", Source: "in.jsonl:4", Meta: json.RawMessage(`{"section":"news","n":[1, 2]}`), Lang: "ar", Text: "سطر\nآخر \"مقتبس\""}); err != nil {
		t.Fatalf("Encode with text: %v", err)
	}
	if err := enc.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	golden := filepath.Join("testdata", "record.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		gotLines, wantLines := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gotLines) || i < len(wantLines); i++ {
			var g, w string
			if i < len(gotLines) {
				g = gotLines[i]
			}
			if i < len(wantLines) {
				w = wantLines[i]
			}
			if g != w {
				t.Errorf("line %d differs:\n got %s\nwant %s", i+1, g, w)
			}
		}
		t.Fatalf("output differs from %s (go test -update rewrites it)", golden)
	}
	// Every line is a JSON object with the fields in contract order.
	order := []string{"id", "source", "meta", "lang", "text", "stats", "mentions", "entities", "topics", "keywords", "error"}
	for i, line := range bytes.Split(bytes.TrimSuffix(want, []byte("\n")), []byte("\n")) {
		keys, err := topLevelKeys(line)
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		pos := -1
		for _, k := range keys {
			j := indexOf(order, k)
			if j <= pos {
				t.Errorf("line %d: field %q out of order in %v", i+1, k, keys)
			}
			pos = j
		}
	}
}

// topLevelKeys lists the keys of a JSON object in the order written.
func topLevelKeys(b []byte) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
	}
	return keys, nil
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestRecordContract(t *testing.T) {
	docs := sampleDocs()
	tests := []struct {
		name    string
		doc     *Document
		opt     EncodeOptions
		want    []string // substrings of the line
		notWant []string
	}{
		{
			name:    "no escaping of HTML or Arabic",
			doc:     docs[0],
			want:    []string{`"name":"X <Y> & Z"`, `"text":"الكويتي"`},
			notWant: []string{`\u003c`, `\u0026`, `\u06`},
		},
		{
			name:    "scores rounded to 4 decimals",
			doc:     docs[0],
			want:    []string{`"score":0.9123}`, `"score":1}`, `"score":0.6667,`, `"score":0}`},
			notWant: []string{"e-", "NaN", "-0"},
		},
		{
			name:    "byte offsets are not written",
			doc:     docs[0],
			notWant: []string{"byte", "20", "34"},
		},
		{
			name:    "empty lists are []",
			doc:     docs[1],
			want:    []string{`"meta":{}`, `"mentions":[],"entities":[],"topics":[],"keywords":[],"error":null}`},
			notWant: []string{`"text"`},
		},
		{
			name:    "failed document: error, lists empty",
			doc:     docs[2],
			want:    []string{`"mentions":[]`, `"error":"corpus/002_failed.txt: binary file"}`},
			notWant: []string{"dropped"},
		},
		{
			name:    "succeeded document: error null, attrs {}",
			doc:     docs[0],
			want:    []string{`"error":null}`, `"first":4,"attrs":{}}`, `"base":"الكويتي"`},
			notWant: []string{`"error":"`},
		},
		{
			name: "meta as it came",
			doc:  &Document{ID: "m", Meta: json.RawMessage(`{"date":"2024-01-02","n":1.50}`)},
			want: []string{`"source":"","meta":{"date":"2024-01-02","n":1.50},"lang"`},
		},
		{
			name: "text after lang when asked",
			doc:  &Document{ID: "a", Lang: "ar", Text: ""},
			opt:  EncodeOptions{Text: true},
			want: []string{`"lang":"ar","text":"","stats"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := NewJSONLines(&buf, tt.opt).Encode(tt.doc); err != nil {
				t.Fatalf("Encode: %v", err)
			}
			line := buf.String()
			if !strings.HasSuffix(line, "}\n") || strings.Count(line, "\n") != 1 {
				t.Errorf("not one line: %q", line)
			}
			for _, w := range tt.want {
				if !strings.Contains(line, w) {
					t.Errorf("%s\nlacks %s", line, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(line, w) {
					t.Errorf("%s\nholds %s", line, w)
				}
			}
		})
	}
}

func TestJSONArray(t *testing.T) {
	tests := []struct {
		name string
		docs []*Document
		want string // exact output, or "" to check by parsing
		n    int
	}{
		{name: "empty run", want: "[]\n"},
		{name: "one record", docs: []*Document{{ID: "a"}}, want: "[\n  {\n    \"id\": \"a\",\n    \"source\": \"\",\n    \"meta\": {},\n    \"lang\": \"\",\n    \"stats\": {\n      \"chars\": 0,\n      \"tokens\": 0,\n      \"sentences\": 0\n    },\n    \"mentions\": [],\n    \"entities\": [],\n    \"topics\": [],\n    \"keywords\": [],\n    \"error\": null\n  }\n]\n"},
		{name: "samples", docs: sampleDocs(), n: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			enc := NewJSONArray(&buf, EncodeOptions{})
			for _, d := range tt.docs {
				if err := enc.Encode(d); err != nil {
					t.Fatalf("Encode: %v", err)
				}
			}
			if err := enc.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			if err := enc.Encode(&Document{}); !errors.Is(err, ErrClosed) {
				t.Errorf("Encode after Close = %v, want ErrClosed", err)
			}
			if tt.want != "" && buf.String() != tt.want {
				t.Errorf("output:\n%s\nwant:\n%s", buf.String(), tt.want)
			}
			var parsed []map[string]any
			if err := json.Unmarshal(buf.Bytes(), &parsed); err != nil {
				t.Fatalf("not a JSON array: %v\n%s", err, buf.String())
			}
			if len(parsed) != len(tt.docs) {
				t.Errorf("%d elements, want %d", len(parsed), len(tt.docs))
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name string
		enc  Encoder
		doc  *Document
		want string
	}{
		{name: "nil document", enc: NewJSONLines(&bytes.Buffer{}, EncodeOptions{}), doc: nil, want: "nil document"},
		{name: "writer fails", enc: NewJSONLines(failWriter{}, EncodeOptions{}), doc: &Document{}, want: "pipe closed"},
		{name: "array writer fails", enc: NewJSONArray(failWriter{}, EncodeOptions{}), doc: &Document{}, want: "pipe closed"},
		{name: "attribute not encodable", enc: NewJSONLines(&bytes.Buffer{}, EncodeOptions{}),
			doc: &Document{ID: "x", Entities: []Entity{{Attrs: NewAttrs(map[string]any{"f": func() {}})}}}, want: "encode x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.enc.Encode(tt.doc)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Encode = %v, want an error with %q", err, tt.want)
			}
		})
	}
}
