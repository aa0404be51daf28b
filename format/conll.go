package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/pipeline"
)

// CoNLLOptions tune NewCoNLL.
type CoNLLOptions struct {
	// CoNLLNames writes the tag names of the CoNLL corpora (ANERcorp,
	// CoNLL-2003): PERS, LOC (countries and places) and ORG, instead of
	// alam's PERSON, COUNTRY, LOCATION and ORG.
	CoNLLNames bool
}

// NewCoNLL returns an Encoder that writes each document in CoNLL form: a
// comment line "# id = <id>", then one line per token, its original text
// and its BIO tag separated by a space, and a blank line after each
// sentence. A token gets B-<type> when a mention starts in it and
// I-<type> when the mention goes on over it; demonyms (form adjective) are
// not names, and their tokens get O. A mention that starts inside a token
// (للولايات: the proclitic ل outside) tags the whole token.
//
// The tokens and sentences are those of package arabic: doc.Analysis when
// it holds an *arabic.Analysis of doc.Text, otherwise the text is analyzed
// again. A failed document is written as its id comment and a comment
// "# error = <why>", with no tokens. eval.ReadCoNLL reads the output back.
func NewCoNLL(w io.Writer, opt CoNLLOptions) pipeline.Encoder {
	return &conll{w: bufio.NewWriter(w), opt: opt}
}

type conll struct {
	w      *bufio.Writer
	opt    CoNLLOptions
	closed bool
}

// conllNames maps alam's types to the CoNLL corpora's.
var conllNames = map[pipeline.EntityType]string{
	pipeline.Person: "PERS", pipeline.Country: "LOC", pipeline.Location: "LOC", pipeline.Org: "ORG",
}

func (e *conll) Encode(doc *pipeline.Document) error {
	if e.closed {
		return pipeline.ErrClosed
	}
	if doc == nil {
		return fmt.Errorf("format: encode a nil document")
	}
	fmt.Fprintf(e.w, "# id = %s\n", oneLine(doc.ID))
	if doc.Err != nil {
		fmt.Fprintf(e.w, "# error = %s\n\n", oneLine(doc.Err.Error()))
		return e.w.Flush()
	}
	a, ok := doc.Analysis.(*arabic.Analysis)
	if !ok || a.Text != doc.Text {
		a = arabic.Analyze(doc.Text)
	}
	tags := e.tags(doc, a)
	for _, s := range a.Sentences {
		for k := s.FirstToken; k < s.EndToken; k++ {
			t := a.Tokens[k]
			e.w.WriteString(oneLine(doc.Text[t.Start:t.End]))
			e.w.WriteByte(' ')
			e.w.WriteString(tags[k])
			e.w.WriteByte('\n')
		}
		e.w.WriteByte('\n')
	}
	return e.w.Flush()
}

// tags returns the BIO tag of every token of a.
func (e *conll) tags(doc *pipeline.Document, a *arabic.Analysis) []string {
	tags := make([]string, len(a.Tokens))
	for k := range tags {
		tags[k] = "O"
	}
	k := 0
	for _, m := range doc.Mentions {
		if m.Form == pipeline.FormAdjective {
			continue
		}
		name := string(m.Type)
		if e.opt.CoNLLNames {
			name = conllNames[m.Type]
		}
		// Mentions come in text order; so do tokens.
		for k > 0 && a.Tokens[k-1].RuneEnd > m.Start {
			k--
		}
		for k < len(a.Tokens) && a.Tokens[k].RuneEnd <= m.Start {
			k++
		}
		if k == len(a.Tokens) {
			break
		}
		// A mention does not cross sentences; if one did, its tags stop
		// at the end of the sentence it starts in.
		end := len(a.Tokens)
		if s := a.SentenceOf(k); s >= 0 && s < len(a.Sentences) {
			end = a.Sentences[s].EndToken
		}
		first := true
		for j := k; j < end && a.Tokens[j].RuneStart < m.End; j++ {
			if tags[j] != "O" {
				break // a token of an earlier mention
			}
			if first {
				tags[j], first = "B-"+name, false
			} else {
				tags[j] = "I-" + name
			}
		}
	}
	return tags
}

func (e *conll) Close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	return e.w.Flush()
}

// oneLine replaces the line breaks and tabs of s with spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t\u2028\u2029\u0085") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\u2028', '\u2029', '\u0085':
			return ' '
		}
		return r
	}, s)
}
