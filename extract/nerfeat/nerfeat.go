// Package nerfeat turns the words of a sentence into the feature strings
// of the tagger package: the word, its normalized form and light stem,
// prefixes and suffixes, its shape and the same of its neighbours (±2).
// Each distinct word is analysed once per Extractor call through a cache.
//
// Version names this feature set; a model trained with one version is
// only meaningful with the same version.
package nerfeat

import (
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
)

// Version is stored in every model trained on these features.
const Version = "nerfeat/1"

type lexeme struct {
	norm, stem, shape string
	pre, suf          [3]string
}

// Extractor computes features. It caches the analysis of every distinct
// word it has seen, so one Extractor must not be used by two goroutines at
// once; make one per goroutine.
type Extractor struct {
	cache map[string]*lexeme
}

// New returns an Extractor with an empty cache.
func New() *Extractor { return &Extractor{cache: map[string]*lexeme{}} }

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

// Sentence returns the features of every word of one sentence.
func (x *Extractor) Sentence(words []string) [][]string {
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
		out[i] = f
	}
	return out
}
