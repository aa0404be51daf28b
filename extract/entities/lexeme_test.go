package entities

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/gazetteer"
)

// TestVocabBounded feeds a vocabulary a stream of words never seen before
// and checks that it never holds more than two generations, and that a
// word met in every article survives every turn of the generations.
func TestVocabBounded(t *testing.T) {
	g, err := gazetteer.Load("tiny.yaml", strings.NewReader("entries:\n  - {id: country:KW, type: COUNTRY, name: Kuwait, name_ar: الكويت}\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(gazetteer.Compile(g), Options{})
	if err != nil {
		t.Fatal(err)
	}
	const limit = 64
	r.vocab = newVocab(limit)
	var keep *lexeme
	for i := range 200 {
		var b strings.Builder
		b.WriteString("الكويت")
		for j := range 10 {
			fmt.Fprintf(&b, " كلمة%c%c", 'ا'+rune(i%20), 'ب'+rune(i*10+j)%26) // forms of letters only
			fmt.Fprintf(&b, "X%dY%d", i, j)
		}
		a := arabic.Analyze(b.String())
		r.Recognize(a)
		if n := r.vocab.len(); n > 2*limit {
			t.Fatalf("article %d: %d lexemes, want at most %d", i, n, 2*limit)
		}
		var lex []*lexeme
		lex, _ = r.vocab.lexemes(r, a, lex, nil, new([]arabic.Segmentation))
		if i > 0 && lex[0] != keep {
			t.Fatalf("article %d: the lexeme of الكويت was analysed again", i)
		}
		keep = lex[0]
	}
}

// TestLexemeKeepsNoText checks that a lexeme holds copies of its strings:
// the vocabulary must not keep an article's text alive.
func TestLexemeKeepsNoText(t *testing.T) {
	r := defaultRecognizerInternal(t)
	text := "قال والكويت"
	a := arabic.Analyze(text)
	tok := a.Tokens[1]
	l := r.newLexeme(tok.Text(text), tok.Kind, tok.Norm, new([]arabic.Segmentation))
	if l.text != "والكويت" || l.norm != tok.Norm {
		t.Fatalf("lexeme %q %q, want %q %q", l.text, l.norm, "والكويت", tok.Norm)
	}
	if unsafe.StringData(l.text) == unsafe.StringData(text[tok.Start:]) || unsafe.StringData(l.norm) == unsafe.StringData(tok.Norm) {
		t.Error("the lexeme shares the article's strings")
	}
	for _, seg := range l.readings {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(seg.Stem))); seg.Stem != "" && p >= uintptr(unsafe.Pointer(unsafe.StringData(tok.Norm))) && p < uintptr(unsafe.Pointer(unsafe.StringData(tok.Norm)))+uintptr(len(tok.Norm)) {
			t.Errorf("reading %q shares the article's strings", seg.Stem)
		}
	}
}

func defaultRecognizerInternal(t *testing.T) *Recognizer {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(gazetteer.Compile(g), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
