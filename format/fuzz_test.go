package format_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/format"
	"github.com/alam-nlp/alam/pipeline"
)

// fuzzDoc makes a document of text with mentions over the code point
// spans that cuts give, in order and without overlap.
func fuzzDoc(text string, cuts []byte) *pipeline.Document {
	doc := &pipeline.Document{ID: "f", Text: strings.ToValidUTF8(text, "?")}
	n := utf8.RuneCountInString(doc.Text)
	runes := []rune(doc.Text)
	pos := 0
	for i := 0; i+1 < len(cuts) && n > 0; i += 2 {
		start := pos + int(cuts[i])%4
		end := start + 1 + int(cuts[i+1])%6
		if end > n {
			break
		}
		m := string(runes[start:end])
		doc.Mentions = append(doc.Mentions, pipeline.Mention{Text: m, Base: m, Start: start, End: end,
			Type: pipeline.Org, Entity: "org:" + m, Form: pipeline.FormName})
		pos = end
	}
	return doc
}

// FuzzHTML checks that the page marks every mention with its exact text,
// whatever characters the text holds.
func FuzzHTML(f *testing.F) {
	f.Add("قال <b>&amp;</b> \"الرئيس\" إن الوفد زار الكويت", []byte{1, 3, 0, 5, 2, 2})
	f.Add("a\nb\tc<mark>d</mark>", []byte{0, 0, 3, 9})
	f.Fuzz(func(t *testing.T, text string, cuts []byte) {
		doc := fuzzDoc(text, cuts)
		var buf bytes.Buffer
		enc := format.NewHTML(&buf)
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		enc.Close()
		if got, want := pageMarks(buf.String()), mentionMarks(doc); !slices.Equal(got, want) {
			t.Fatalf("marks %q, want %q", got, want)
		}
	})
}

// FuzzCoNLL checks that eval reads the CoNLL output back, one chunk per
// mention at most.
func FuzzCoNLL(f *testing.F) {
	f.Add("قال الرئيس إن الوفد زار الكويت. ثم عاد", []byte{1, 3, 0, 5, 2, 2})
	f.Add("# O\n#\tx", []byte{0, 1})
	f.Fuzz(func(t *testing.T, text string, cuts []byte) {
		doc := fuzzDoc(text, cuts)
		var buf bytes.Buffer
		enc := format.NewCoNLL(&buf, format.CoNLLOptions{})
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		enc.Close()
		sents, err := eval.ReadCoNLL("f", &buf)
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		chunks := 0
		for _, s := range sents {
			chunks += len(eval.Chunks(s.Tags))
		}
		if chunks > len(doc.Mentions) {
			t.Fatalf("%d chunks from %d mentions", chunks, len(doc.Mentions))
		}
	})
}
