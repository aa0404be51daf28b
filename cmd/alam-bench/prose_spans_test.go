package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/alam-nlp/alam/extract"
)

// TestProseSpans checks what english.Analyzer has to deal with, and that
// it does: prose v2 gives a token's text and no offsets, and that text is
// not always a piece of the original (curly quotes and apostrophes come
// back straight), so its tokens must be aligned with the text by a reader
// that takes those quotes as equal. The same text through alam's extractor
// (whose English tokens come from prose) gives mentions whose code-point
// offsets slice the original.
func TestProseSpans(t *testing.T) {
	const text = "“Stéphane Dujarric’s view,” Dujarric said."
	doc, err := prose.NewDocument(text, prose.WithTagging(false), prose.WithExtraction(false), prose.WithSegmentation(false))
	if err != nil {
		t.Fatal(err)
	}
	var rewritten []string
	for _, tok := range doc.Tokens() {
		if !strings.Contains(text, tok.Text) {
			rewritten = append(rewritten, tok.Text)
		}
	}
	if len(rewritten) == 0 {
		t.Errorf("prose's tokens of %q are all pieces of it now: english.Analyzer's aligner could be simpler", text)
	} else {
		t.Logf("prose tokens that are not in the text: %q", rewritten)
	}

	cfg, err := extract.DefaultConfig()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	d, err := x.Annotate(t.Context(), text)
	if err != nil {
		t.Fatal(err)
	}
	// Counted by hand: “ is one code point (three bytes), é one (two).
	var got []string
	for _, m := range d.Mentions {
		got = append(got, fmt.Sprintf("%s@%d-%d", m.Text, m.Start, m.End))
	}
	want := []string{"Stéphane Dujarric@1-18", "Dujarric@28-36"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("alam mentions %q, want %q", got, want)
	}
}
