package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"testing"
	"unicode/utf8"
)

// awkwardStrings are strings that JSON escapes in every way encoding/json
// knows, and some that it leaves as they are.
var awkwardStrings = []string{
	"",
	"plain ascii",
	`quote " and backslash \ and slash /`,
	"\b\f\n\r\t",
	"\x00\x01\x1f\x7f",
	"<b>&amp;</b>",
	"الكويت والإمارات",
	"line\u2028sep\u2029para",
	"bad \xff byte", "\xc3", "\xc3(", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
	"trailing \xe2",
	"€ 3-byte, 𝄞 4-byte, é 2-byte",
	"\u2027\u202a almost line separators",
	"ﻻ ligature \u200f rlm",
}

// docsForEncoding are documents whose every string field, attribute and
// score takes awkward values.
func docsForEncoding() []*Document {
	docs := sampleDocs()
	for i, s := range awkwardStrings {
		d := &Document{
			ID: s, Source: s + ".txt", Lang: s, Text: s,
			Stats: Stats{Chars: i, Tokens: -i, Sentences: 1 << 40},
			Mentions: []Mention{{Text: s, Base: s, Start: i, End: i + 1, Type: EntityType(s), Entity: s,
				Form: Form(s), Sentence: i, Source: Source(s), Score: Score(float64(i) / 7)}},
			Entities: []Entity{
				{ID: s, Type: Person, Name: s, NameAr: s, Count: i, First: i,
					Attrs: NewAttrs(map[string]any{s: s, "list": []any{s, "x"}, "strings": []string{s}, "yes": true, "none": nil})},
				{ID: "no attrs"},
			},
			Topics:   []Topic{{ID: s, Label: s, LabelAr: s, Score: Score(-float64(i)), Evidence: []string{s, s}}, {ID: "nil evidence"}},
			Keywords: []Keyword{{Text: s, Score: Score(math.Inf(1))}, {Text: s, Score: 1e20}},
		}
		if i%3 == 0 {
			d.Err = errors.New(s)
		}
		docs = append(docs, d)
	}
	attrs := []map[string]any{
		{"n": 1.5, "big": 1e21, "small": 1e-7, "int": 42}, // left to encoding/json
		{"nested": map[string]any{"b": "<", "a": []any{1, "x"}}},
		{"nil strings": []string(nil), "nil list": []any(nil)},
		{"mixed": []any{"a", 1}},
	}
	for _, a := range attrs {
		docs = append(docs, &Document{ID: "attrs", Entities: []Entity{{ID: "e", Attrs: NewAttrs(a)}}})
	}
	metas := []string{`{}`, `{"a": 1, "b" : [1, 2 ,3]}`, ` {"s":"<\u2028>"} `, `[1]`, `"x"`, `null`}
	for _, m := range metas {
		docs = append(docs, &Document{ID: "meta", Meta: json.RawMessage(m)})
	}
	return docs
}

// TestAppendRecordMatchesReflection holds the encoder to encoding/json:
// each document's record, compact and indented, with and without its
// text, is the bytes that encoding/json writes from the record's json
// tags.
func TestAppendRecordMatchesReflection(t *testing.T) {
	for _, doc := range docsForEncoding() {
		for _, opt := range []EncodeOptions{{}, {Text: true}} {
			for _, indent := range []string{"", "  "} {
				want, wantErr := reflectRecord(doc, opt, indent)
				var scratch bytes.Buffer
				got, err := writeRecord([]byte("kept"), doc, opt, indent, &scratch)
				if (err != nil) != (wantErr != nil) {
					t.Fatalf("%q (text %v, indent %q): error %v, encoding/json's %v", doc.ID, opt.Text, indent, err, wantErr)
				}
				if err != nil {
					continue
				}
				if !bytes.HasPrefix(got, []byte("kept")) {
					t.Fatalf("%q: the buffer's bytes before the record were lost: %q", doc.ID, got)
				}
				if got = got[len("kept"):]; !bytes.Equal(got, want) {
					t.Errorf("%q (text %v, indent %q):\n got %s\nwant %s", doc.ID, opt.Text, indent, got, want)
				}
			}
		}
	}
}

// TestAppendStringBytes checks every ASCII byte, every byte alone and
// every byte after a two-byte lead against encoding/json.
func TestAppendStringBytes(t *testing.T) {
	var cases []string
	for c := range 256 {
		cases = append(cases, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"b", string([]byte{0xD8, byte(c)}))
	}
	for _, s := range cases {
		want, _ := marshalNoHTML(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

// FuzzAppendString checks any string against encoding/json.
func FuzzAppendString(f *testing.F) {
	for _, s := range awkwardStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := marshalNoHTML(s)
		if err != nil {
			t.Fatal(err)
		}
		got := appendString(nil, s)
		if !bytes.Equal(got, want) {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
		if !utf8.Valid(got) {
			t.Fatalf("appendString(%q) = %q, not UTF-8", s, got)
		}
	})
}

// marshalNoHTML is v as encoding/json writes it with HTML escaping off.
func marshalNoHTML(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// TestAttrsJSON checks the attributes' JSON made once against
// encoding/json on the same map.
func TestAttrsJSON(t *testing.T) {
	tests := []struct {
		name string
		m    map[string]any
	}{
		{name: "gazetteer-like", m: map[string]any{"wikidata": "Q30", "iso": "US", "member_of": []any{"org:nato"}}},
		{name: "strings list", m: map[string]any{"codes": []string{"KW", "KWT"}}},
		{name: "bool and nil", m: map[string]any{"capital": true, "none": nil}},
		{name: "html and separators", m: map[string]any{"<k>": "a & b\u2028"}},
		{name: "numbers", m: map[string]any{"pop": 4.2e6, "rank": 3}},
		{name: "nested", m: map[string]any{"n": map[string]any{"z": 1, "a": "<"}}},
		{name: "nil lists", m: map[string]any{"nil strings": []string(nil), "nil list": []any(nil)}},
		{name: "mixed list", m: map[string]any{"mixed": []any{"a", 1}}},
	}
	// The attributes of docsForEncoding's awkward documents: every escape
	// and invalid UTF-8 in keys, values and lists.
	for i, a := range awkwardStrings {
		tests = append(tests, struct {
			name string
			m    map[string]any
		}{fmt.Sprintf("awkward %d", i), map[string]any{a: a, "list": []any{a, "x"}, "strings": []string{a}, "yes": true, "none": nil}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := marshalNoHTML(tt.m)
			if err != nil {
				t.Fatal(err)
			}
			got, err := NewAttrs(tt.m).MarshalJSON()
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("MarshalJSON = %s, %v; want %s", got, err, want)
			}
			// Decoded, the record holds U+FFFD where the map held bytes
			// that are no UTF-8, which encoding/json then writes as they are.
			var back Attrs
			var decoded map[string]any
			if err := json.Unmarshal(want, &back); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(want, &decoded); err != nil {
				t.Fatal(err)
			}
			wantBack, err := marshalNoHTML(decoded)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := back.MarshalJSON(); err != nil || !bytes.Equal(got, wantBack) {
				t.Errorf("after Unmarshal: %s, %v; want %s", got, err, wantBack)
			}
		})
	}
}
