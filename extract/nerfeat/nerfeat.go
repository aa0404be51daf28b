// Package nerfeat turns the words of a sentence into the feature strings
// of the tagger package: the word, its normalized form and light stem,
// prefixes and suffixes, its shape and the same of its neighbours (±2).
// Each distinct word is analysed once per Extractor call through a cache.
//
// Version names this feature set; a model trained with one version is
// only meaningful with the same version.
package nerfeat

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
)

// Version is stored in every model trained on these features.
const Version = "nerfeat/5"

// Hint is what another recognizer (the gazetteer and rules) found in a
// sentence: bytes [Start, End) of the sentence's words joined by single
// spaces, and a label such as "PERSON/gazetteer". The tagger sees, for each
// word a hint covers, "B-"+Label or "I-"+Label.
// A Hint with Raw set is a weaker one, such as a gazetteer match the rules
// did not keep; it gives the features "g=", "g-1=" and "g+1=".
type Hint struct {
	Start, End int // bytes into the joined sentence
	Label      string
	Raw        bool
}

// Hinter returns the hints of one sentence, its words joined by spaces.
type Hinter func(text string) ([]Hint, error)

type lexeme struct {
	norm, stem, shape string
	pre, suf          [3]string
}

// Extractor computes features. It caches the analysis of every distinct
// word it has seen, so one Extractor must not be used by two goroutines at
// once; make one per goroutine.
type Extractor struct {
	cache map[string]*lexeme
	hint  Hinter
}

// New returns an Extractor with an empty cache. hint may be nil (no hint
// features); a model must be used with the hints it was trained with.
func New(hint Hinter) *Extractor { return &Extractor{cache: map[string]*lexeme{}, hint: hint} }

func (x *Extractor) lex(w string) *lexeme {
	if l, ok := x.cache[w]; ok {
		return l
	}
	if len(x.cache) > 200000 {
		clear(x.cache) // bounded: start again rather than grow without end
	}
	norm := arabic.Normalize(w)
	l := &lexeme{norm: norm, stem: arabic.Stem(norm), shape: shape(w)}
	r := []rune(norm)
	for k := 1; k <= 3; k++ {
		if len(r) > k {
			l.pre[k-1] = string(r[:k])
			l.suf[k-1] = string(r[len(r)-k:])
		}
	}
	x.cache[w] = l
	return l
}

// shape sums a word up: "a" Arabic letters, "d" digits, "L" Latin, "p"
// punctuation and others, runs collapsed ("aa" is never written).
func shape(w string) string {
	var b []byte
	for _, r := range w {
		c := byte('p')
		switch {
		case r >= 0x0600 && r <= 0x06FF && unicode.IsLetter(r):
			c = 'a'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'L'
		}
		if len(b) == 0 || b[len(b)-1] != c {
			b = append(b, c)
		}
	}
	if utf8.RuneCountInString(w) == 1 {
		b = append(b, '1')
	}
	return string(b)
}

// hints returns the hint feature of every word of every sentence, ""
// where none: the sentences are joined by newlines, their words by spaces,
// and the Hinter sees the whole text once.
func (x *Extractor) hints(sents [][]string) (hint, raw [][]string, err error) {
	out := make([][]string, len(sents))
	raw = make([][]string, len(sents))
	for i, s := range sents {
		out[i] = make([]string, len(s))
		raw[i] = make([]string, len(s))
	}
	if x.hint == nil {
		return out, raw, nil
	}
	var b strings.Builder
	type at struct{ sent, word, start, end int }
	var pos []at
	for si, s := range sents {
		if si > 0 {
			b.WriteByte('\n')
		}
		for wi, w := range s {
			if wi > 0 {
				b.WriteByte(' ')
			}
			pos = append(pos, at{si, wi, b.Len(), b.Len() + len(w)})
			b.WriteString(w)
		}
	}
	hs, err := x.hint(b.String())
	if err != nil {
		return nil, nil, err
	}
	for _, h := range hs {
		dst := out
		if h.Raw {
			dst = raw
		}
		first := true
		for _, p := range pos {
			if p.start < h.End && h.Start < p.end && dst[p.sent][p.word] == "" {
				if first {
					dst[p.sent][p.word] = "B-" + h.Label
				} else {
					dst[p.sent][p.word] = "I-" + h.Label
				}
				first = false
			}
		}
	}
	return out, raw, nil
}

// Sentence returns the features of every word of one sentence.
func (x *Extractor) Sentence(words []string) ([][]string, error) {
	fs, err := x.Document([][]string{words})
	if err != nil {
		return nil, err
	}
	return fs[0], nil
}

// Document returns the features of every word of consecutive sentences of
// one document. Beside each sentence's own features, a word that has no
// hint of its own gets the hint type its normalized form has elsewhere in
// the document (a name found once by a rule is found again bare).
func (x *Extractor) Document(sents [][]string) ([][][]string, error) {
	hints, raw, err := x.hints(sents)
	if err != nil {
		return nil, err
	}
	return x.Hinted(sents, hints, raw), nil
}

// Hinted is Document with the hints already placed on the words:
// hint[i][j] and raw[i][j] are "B-"+Label or "I-"+Label for word j of
// sentence i, or "" where there is none (raw for Raw hints). hint and raw
// have the shape of sents; raw may be nil.
func (x *Extractor) Hinted(sents [][]string, hints, raw [][]string) [][][]string {
	seen := map[string]string{}
	for si, s := range sents {
		x.NoteHints(seen, s, hints[si])
	}
	out := make([][][]string, len(sents))
	for si, s := range sents {
		var r []string
		if raw != nil {
			r = raw[si]
		}
		out[si] = x.HintedSentence(s, hints[si], r, seen)
	}
	return out
}

// NoteHints adds to seen the normalized forms of the words of one sentence
// that have a hint, with the hint's type, unless seen has them already.
// Called on every sentence of a document, in order, it makes the seen of
// Hinted, which HintedSentence reads: so a long document's features can be
// made, and used, one sentence at a time.
func (x *Extractor) NoteHints(seen map[string]string, words, hint []string) {
	for wi, w := range words {
		if h := hint[wi]; h != "" {
			n := x.lex(w).norm
			if _, ok := seen[n]; !ok {
				seen[n] = h[2:]
			}
		}
	}
}

// HintedSentence returns the features of one sentence of a document, as
// Hinted does, given the seen that NoteHints made over the whole document.
// raw may be nil. The result does not keep words, hint or raw.
func (x *Extractor) HintedSentence(words, hint, raw []string, seen map[string]string) [][]string {
	return x.sentence(words, hint, raw, seen)
}

func (x *Extractor) sentence(words, hint, raw []string, seen map[string]string) [][]string {
	rawAt := func(i int) string {
		if i < 0 || i >= len(raw) || raw[i] == "" {
			return "-"
		}
		return raw[i]
	}
	hintAt := func(i int) string {
		if i < 0 || i >= len(hint) || hint[i] == "" {
			return "-"
		}
		return hint[i]
	}
	lx := make([]*lexeme, len(words))
	for i, w := range words {
		lx[i] = x.lex(w)
	}
	at := func(i int) (string, string) {
		if i < 0 {
			return "<s>", "<s>"
		}
		if i >= len(lx) {
			return "</s>", "</s>"
		}
		return lx[i].norm, lx[i].stem
	}
	out := make([][]string, len(words))
	for i, l := range lx {
		f := make([]string, 0, 24)
		f = append(f, "b", "w="+words[i], "n="+l.norm, "s="+l.stem, "sh="+l.shape)
		for k := range 3 {
			if l.pre[k] != "" {
				f = append(f, "p"+string(rune('1'+k))+"="+l.pre[k], "x"+string(rune('1'+k))+"="+l.suf[k])
			}
		}
		n1, s1 := at(i - 1)
		n2, _ := at(i - 2)
		m1, t1 := at(i + 1)
		m2, _ := at(i + 2)
		f = append(f, "n-1="+n1, "s-1="+s1, "n-2="+n2, "n+1="+m1, "s+1="+t1, "n+2="+m2,
			"n-1n="+n1+"|"+l.norm, "nn+1="+l.norm+"|"+m1)
		if h := hintAt(i); h != "-" {
			f = append(f, "h="+h, "hn="+h+"|"+l.norm)
		}
		f = append(f, "h-1="+hintAt(i-1), "h+1="+hintAt(i+1), "h-1h="+hintAt(i-1)+"|"+hintAt(i))
		if g := rawAt(i); g != "-" {
			f = append(f, "g="+g)
		}
		f = append(f, "g-1="+rawAt(i-1), "g+1="+rawAt(i+1))
		if d, ok := seen[l.norm]; ok && hint[i] == "" {
			f = append(f, "d="+d)
		}
		out[i] = f
	}
	return out
}
