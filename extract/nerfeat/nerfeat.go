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
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/tagger"
)

// Version is stored in every model trained on these features.
const Version = "nerfeat/6"

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
	// cl holds the prefixes of the word's cluster path (clusterBits
	// long, or the whole path when shorter), "" when not clustered.
	cl [len(clusterBits)]string
}

// Extractor computes features. It caches the analysis of every distinct
// word it has seen, so one Extractor must not be used by two goroutines at
// once; make one per goroutine, or share a Lexicon between them.
type Extractor struct {
	cache    map[string]*lexeme
	shared   *Lexicon
	hint     Hinter
	clusters *Clusters
}

// maxCache bounds the words a cache holds.
const maxCache = 200000

// New returns an Extractor with an empty cache. hint may be nil (no hint
// features), and c too (no cluster features); a model must be used with
// the hints and the clusters it was trained with (FeatureSet).
func New(hint Hinter, c *Clusters) *Extractor {
	return &Extractor{cache: map[string]*lexeme{}, hint: hint, clusters: c}
}

// A Lexicon is a cache of word analyses that any number of goroutines may
// share, each through its own Extractor (Lexicon.Extractor). It keeps at
// most 200,000 words and then stops growing.
type Lexicon struct {
	mu       sync.RWMutex
	m        map[string]*lexeme
	clusters *Clusters
}

// NewLexicon returns an empty Lexicon whose words are looked up in the
// clusters c (nil for none).
func NewLexicon(c *Clusters) *Lexicon { return &Lexicon{m: map[string]*lexeme{}, clusters: c} }

// Extractor returns an Extractor without hints whose words are cached in
// l; it is cheap to make, and is for one goroutine at a time.
func (l *Lexicon) Extractor() *Extractor { return &Extractor{shared: l, clusters: l.clusters} }

func (x *Extractor) lex(w string) *lexeme {
	if l := x.shared; l != nil {
		l.mu.RLock()
		lx, ok := l.m[w]
		l.mu.RUnlock()
		if ok {
			return lx
		}
		lx = analyse(w, l.clusters)
		l.mu.Lock()
		if len(l.m) < maxCache {
			l.m[strings.Clone(w)] = lx
		}
		l.mu.Unlock()
		return lx
	}
	if l, ok := x.cache[w]; ok {
		return l
	}
	if len(x.cache) > maxCache {
		clear(x.cache) // bounded: start again rather than grow without end
	}
	l := analyse(w, x.clusters)
	x.cache[w] = l
	return l
}

// clusterBits are the lengths of the cluster path prefixes that are
// features of a word; its neighbours give their first (8 bits). Chosen on
// the dev split (mean of 3 seeds, the model alone, best epoch): these 0.816;
// with 4 bits too 0.805; with the neighbours' 12 bits too 0.811; with
// pairs of the word's and a neighbour's 8 bits 0.808; no clusters 0.805.
var clusterBits = [...]int{8, 12, 16}

// analyse returns the lexeme of the word w, with its cluster in c.
func analyse(w string, c *Clusters) *lexeme {
	l := new(lexeme)
	analyseInto(l, w, c)
	return l
}

// analyseInto sets *l, a zero lexeme, to the lexeme of the word w, with
// its cluster in c.
func analyseInto(l *lexeme, w string, c *Clusters) {
	norm := arabic.Normalize(w)
	l.norm, l.stem, l.shape = norm, arabic.Stem(norm), shape(w)
	if p := c.Path(w); p != "" {
		for i, n := range clusterBits {
			l.cl[i] = p[:min(n, len(p))]
		}
	}
	if !utf8.ValidString(norm) {
		// The prefixes and suffixes of the runes, as they were always
		// made: an invalid byte is U+FFFD, written out.
		r := []rune(norm)
		for k := 1; k <= 3; k++ {
			if len(r) > k {
				l.pre[k-1] = string(r[:k])
				l.suf[k-1] = string(r[len(r)-k:])
			}
		}
		return
	}
	// The same strings, as parts of norm.
	n := utf8.RuneCountInString(norm)
	start, end := 0, len(norm)
	for k := 1; k <= 3 && n > k; k++ {
		_, size := utf8.DecodeRuneInString(norm[start:])
		start += size
		_, size = utf8.DecodeLastRuneInString(norm[:end])
		end -= size
		l.pre[k-1], l.suf[k-1] = norm[:start], norm[end:]
	}
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
	// The usual shapes without an allocation.
	switch string(b) {
	case "a":
		return "a"
	case "p1":
		return "p1"
	case "d":
		return "d"
	case "L":
		return "L"
	case "a1":
		return "a1"
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
	return x.Hinted(sents, hints, raw, nil), nil
}

// Hinted is Document with the hints already placed on the words:
// hint[i][j] and raw[i][j] are "B-"+Label or "I-"+Label for word j of
// sentence i, or "" where there is none (raw for Raw hints), and
// lists[i][j] is a code of the word lists that hold the word ("" for
// none; the "l=" features of it and its neighbours). hint has the shape of
// sents; raw and lists may be nil.
func (x *Extractor) Hinted(sents [][]string, hint, raw, lists [][]string) [][][]string {
	out := make([][][]string, len(sents))
	x.each(sents, hint, raw, lists, func(si, wi int) sink {
		if wi == 0 {
			out[si] = make([][]string, len(sents[si]))
		}
		return &stringSink{out: &out[si][wi]}
	})
	return out
}

// HintedHashes is Hinted with every feature string hashed as
// tagger.HashFeature hashes it, without building the strings: what a
// model needs to tag, at a fraction of the cost.
func (x *Extractor) HintedHashes(sents [][]string, hint, raw, lists [][]string) [][][]tagger.Hash {
	out := make([][][]tagger.Hash, len(sents))
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	flat := make([]tagger.Hash, 0, n*40)
	x.each(sents, hint, raw, lists, func(si, wi int) sink {
		if wi == 0 {
			out[si] = make([][]tagger.Hash, len(sents[si]))
		}
		return &hashSink{out: &out[si][wi], buf: &flat}
	})
	return out
}

// NoteHints adds to seen the normalized forms of the words of one sentence
// that have a hint, with the hint's type, unless seen has them already.
// Called on every sentence of a document, in order, it makes the seen of
// Hinted, which HintedSentence reads: so a long document's features can be
// made, and used, one sentence at a time.
func (x *Extractor) NoteHints(seen map[string]string, words, hint []string) {
	for wi, w := range words {
		if h := hint[wi]; hinted(h) {
			n := x.lex(w).norm
			if _, ok := seen[n]; !ok {
				seen[n] = hintType(h)
			}
		}
	}
}

// hinted reports whether h is a hint: not "" nor "-", which the features
// write for no hint.
func hinted(h string) bool { return h != "" && h != "-" }

// hintType is the type of hint h, "B-"+type or "I-"+type; a hint of
// another shape (say "X") is its own type, rather than cut short.
func hintType(h string) string {
	if len(h) >= 2 && (h[:2] == "B-" || h[:2] == "I-") {
		return h[2:]
	}
	return h
}

// HintedSentence returns the features of one sentence of a document, as
// Hinted does, given the seen that NoteHints made over the whole document.
// raw and lists may be nil. The result does not keep words, hint, raw or
// lists.
func (x *Extractor) HintedSentence(words, hint, raw, lists []string, seen map[string]string) [][]string {
	out := make([][]string, len(words))
	x.sentence(words, hint, raw, lists, seen, func(wi int) sink { return &stringSink{out: &out[wi]} })
	return out
}

// HintedSentenceHashes is HintedSentence with the features hashed, as
// HintedHashes makes them.
func (x *Extractor) HintedSentenceHashes(words, hint, raw, lists []string, seen map[string]string) [][]tagger.Hash {
	out, _ := x.AppendSentenceHashes(nil, nil, words, hint, raw, lists, seen)
	return out
}

// AppendSentenceHashes is HintedSentenceHashes that reuses the arrays of
// dst and buf (from its last call) for the result, and returns buf for
// the next call: the result is only good until then.
func (x *Extractor) AppendSentenceHashes(dst [][]tagger.Hash, buf []tagger.Hash, words, hint, raw, lists []string, seen map[string]string) ([][]tagger.Hash, []tagger.Hash) {
	out := dst[:0]
	for range words {
		out = append(out, nil)
	}
	flat := buf[:0]
	sinks := make([]hashSink, len(words))
	x.sentence(words, hint, raw, lists, seen, func(wi int) sink {
		sinks[wi] = hashSink{out: &out[wi], buf: &flat}
		return &sinks[wi]
	})
	return out, flat
}

// sink receives the features of one word, each the concatenation of up
// to four parts.
type sink interface {
	add(a, b, c, d string)
	done()
}

type stringSink struct{ out *[]string }

func (s *stringSink) add(a, b, c, d string) { *s.out = append(*s.out, a+b+c+d) }
func (s *stringSink) done()                 {}

// hashSink appends to a buffer shared by the words of a document and
// slices it when the word is done.
type hashSink struct {
	out   *[]tagger.Hash
	buf   *[]tagger.Hash
	start int
	begun bool
}

func (s *hashSink) add(a, b, c, d string) {
	if !s.begun {
		s.start, s.begun = len(*s.buf), true
	}
	*s.buf = append(*s.buf, tagger.NewHash().Add(a).Add(b).Add(c).Add(d))
}

func (s *hashSink) done() {
	if s.begun {
		*s.out = (*s.buf)[s.start:len(*s.buf):len(*s.buf)]
	}
}

// each emits the features of every word of the sentences into the sink
// that sinkFor returns for it.
func (x *Extractor) each(sents [][]string, hints, raw, lists [][]string, sinkFor func(si, wi int) sink) {
	seen := map[string]string{}
	for si, s := range sents {
		x.NoteHints(seen, s, hints[si])
	}
	for si, s := range sents {
		var r, l []string
		if raw != nil {
			r = raw[si]
		}
		if lists != nil {
			l = lists[si]
		}
		x.sentence(s, hints[si], r, l, seen, func(wi int) sink { return sinkFor(si, wi) })
	}
}

var prefixNames = [3]string{"p1=", "p2=", "p3="}
var suffixNames = [3]string{"x1=", "x2=", "x3="}
var clusterNames = [len(clusterBits)]string{"c8=", "c12=", "c16="}

func (x *Extractor) sentence(words, hint, raw, lists []string, seen map[string]string, sinkFor func(int) sink) {
	at := func(xs []string, i int) string {
		if i < 0 || i >= len(xs) || xs[i] == "" {
			return "-"
		}
		return xs[i]
	}
	listAt := func(i int) string {
		if i < 0 || i >= len(words) {
			return "|"
		}
		if i >= len(lists) {
			return ""
		}
		return lists[i]
	}
	lx := make([]*lexeme, len(words))
	for i, w := range words {
		lx[i] = x.lex(w)
	}
	cl := func(i int) string { // a neighbour's cluster, by its first clusterBits
		if i < 0 || i >= len(lx) || lx[i].cl[0] == "" {
			return "-"
		}
		return lx[i].cl[0]
	}
	word := func(i int) (string, string) {
		if i < 0 {
			return "<s>", "<s>"
		}
		if i >= len(lx) {
			return "</s>", "</s>"
		}
		return lx[i].norm, lx[i].stem
	}
	for i, l := range lx {
		f := sinkFor(i)
		f.add("b", "", "", "")
		f.add("w=", words[i], "", "")
		f.add("n=", l.norm, "", "")
		f.add("s=", l.stem, "", "")
		f.add("sh=", l.shape, "", "")
		for k := range 3 {
			if l.pre[k] != "" {
				f.add(prefixNames[k], l.pre[k], "", "")
				f.add(suffixNames[k], l.suf[k], "", "")
			}
		}
		// The word's own cluster, with the other features of the word
		// alone (they come first).
		if l.cl[0] != "" {
			for k := range clusterBits {
				f.add(clusterNames[k], l.cl[k], "", "")
			}
		}
		n1, s1 := word(i - 1)
		n2, _ := word(i - 2)
		m1, t1 := word(i + 1)
		m2, _ := word(i + 2)
		f.add("n-1=", n1, "", "")
		f.add("s-1=", s1, "", "")
		f.add("n-2=", n2, "", "")
		f.add("n+1=", m1, "", "")
		f.add("s+1=", t1, "", "")
		f.add("n+2=", m2, "", "")
		if x.clusters != nil {
			f.add("c-1=", cl(i-1), "", "")
			f.add("c+1=", cl(i+1), "", "")
		}
		f.add("n-1n=", n1, "|", l.norm)
		f.add("nn+1=", l.norm, "|", m1)
		if h := at(hint, i); h != "-" {
			f.add("h=", h, "", "")
			f.add("hn=", h, "|", l.norm)
		}
		f.add("h-1=", at(hint, i-1), "", "")
		f.add("h+1=", at(hint, i+1), "", "")
		f.add("h-1h=", at(hint, i-1), "|", at(hint, i))
		if g := at(raw, i); g != "-" {
			f.add("g=", g, "", "")
		}
		f.add("g-1=", at(raw, i-1), "", "")
		f.add("g+1=", at(raw, i+1), "", "")
		if d, ok := seen[l.norm]; ok && hint[i] == "" {
			f.add("d=", d, "", "")
		}
		if lists != nil {
			if c := listAt(i); c != "" {
				f.add("l=", c, "", "")
			}
			f.add("l-1=", listAt(i-1), "", "")
			f.add("l+1=", listAt(i+1), "", "")
			f.add("l-1l=", listAt(i-1), "|", listAt(i))
			f.add("l-2=", listAt(i-2), "", "")
		}
		f.done()
	}
}
