package arabic

import (
	"context"
	"hash/maphash"
	"sync"
)

// Analysis is a text with its tokens and sentences. Its methods are safe
// for concurrent use; its fields must not be changed once it is shared.
type Analysis struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence

	stemsOnce sync.Once
	stems     []string
	indexOnce sync.Once
	index     StemIndex
	tok       *Tokenizer // the one that made Tokens, or nil
}

// Tokenizer returns the tokenizer whose tokens a holds (each token's Norm
// its text normalized with that tokenizer's folds), or nil when a was not
// made by one (a literal). It does not know of changes to the tokens: code
// that changes their Norm makes a new Analysis of them (a literal) rather
// than change those of one a tokenizer made.
func (a *Analysis) Tokenizer() *Tokenizer { return a.tok }

// Analyze tokenizes text with the Default folds and splits it into
// sentences.
func Analyze(text string) *Analysis { return defaultTokenizer.Analyze(text) }

// AnalyzeContext is Analyze that gives up when ctx is done: it returns
// ctx's error, checked every few thousand tokens, so that a very long text
// does not hold up a cancelled run.
func AnalyzeContext(ctx context.Context, text string) (*Analysis, error) {
	return defaultTokenizer.AnalyzeContext(ctx, text)
}

// Analyze tokenizes text and splits it into sentences.
func (t *Tokenizer) Analyze(text string) *Analysis {
	a, _ := t.AnalyzeContext(context.Background(), text) // Background is never done
	return a
}

// AnalyzeContext is Analyze that gives up when ctx is done, returning
// ctx's error (see the package-level AnalyzeContext).
func (t *Tokenizer) AnalyzeContext(ctx context.Context, text string) (*Analysis, error) {
	toks, err := t.appendTokens(ctx, nil, text)
	if err != nil {
		return nil, err
	}
	return &Analysis{Text: text, Tokens: toks, Sentences: Sentences(text, toks), tok: t}, nil
}

// Stems returns the light stem (Stem) of every token's Norm, in token
// order, computed on the first call and shared by later ones: the
// gazetteer's context words, the topic lexicon and the keywords all
// compare stems. The slice must not be changed.
func (a *Analysis) Stems() []string { return a.StemsWith(nil) }

// StemsWith is Stems computed, on the first call of either, with the help
// of known when it is not nil: for a Word token k, known(k) returns the
// stem of its Norm when the caller has it at hand (Stem of the same form,
// kept from an earlier text), or false. A stem that known gives must be
// Stem(a.Tokens[k].Norm).
func (a *Analysis) StemsWith(known func(k int) (string, bool)) []string {
	a.stemsOnce.Do(func() {
		a.stems = make([]string, len(a.Tokens))
		for k, t := range a.Tokens {
			if t.Kind != Word {
				a.stems[k] = t.Norm
				continue
			}
			if known != nil {
				if stem, ok := known(k); ok {
					a.stems[k] = stem
					continue
				}
			}
			a.stems[k] = Stem(t.Norm)
		}
	})
	return a.stems
}

// StemIndex numbers the distinct light stems of an analysis's tokens
// (Analysis.Stems, so that a token that is no Word is numbered by its
// Norm), so that the stages that compare stems look each up once per
// article rather than once per token: the keywords' statistics, the
// gazetteer's context words and the topic terms.
type StemIndex struct {
	ids   []int32  // per token: the number of its stem
	stems []string // the analysis's Stems
	// slots is a table by open addressing, a power of two long, at most
	// two thirds full: 1 + the first token with a stem, or 0.
	slots []int32
	n     int // distinct stems
}

// StemIndex returns the numbers of the article's stems, computed on the
// first call and shared by later ones.
func (a *Analysis) StemIndex() *StemIndex {
	a.indexOnce.Do(func() {
		x := &a.index
		x.stems = a.Stems()
		n := len(x.stems)
		size := 8
		for 2*size < 3*n {
			size *= 2
		}
		buf := make([]int32, n+size)
		x.ids, x.slots = buf[:n:n], buf[n:]
		for k, s := range x.stems {
			h := x.slot(s)
			if x.slots[h] == 0 {
				x.slots[h] = int32(k + 1)
				x.ids[k] = int32(x.n)
				x.n++
				continue
			}
			x.ids[k] = x.ids[x.slots[h]-1]
		}
	})
	return &a.index
}

// slot returns the index in x.slots of stem: its first token's, or the
// empty slot where it would go.
func (x *StemIndex) slot(stem string) int {
	mask := len(x.slots) - 1
	h := int(maphash.String(indexSeed, stem)) & mask
	for x.slots[h] != 0 && x.stems[x.slots[h]-1] != stem {
		h = (h + 1) & mask
	}
	return h
}

var indexSeed = maphash.MakeSeed()

// Len returns the number of distinct stems.
func (x *StemIndex) Len() int { return x.n }

// IDs returns the number of every token's stem, in token order: 0, 1, 2 …
// in the order the stems first occur. The slice must not be changed.
func (x *StemIndex) IDs() []int32 { return x.ids }

// FirstToken returns the first token whose stem is stem, or -1 when no
// token has it.
func (x *StemIndex) FirstToken(stem string) int {
	if len(x.slots) == 0 {
		return -1
	}
	return int(x.slots[x.slot(stem)]) - 1
}

// ID returns the number of stem, or -1 when no token has it.
func (x *StemIndex) ID(stem string) int32 {
	if k := x.FirstToken(stem); k >= 0 {
		return x.ids[k]
	}
	return -1
}

// SentenceOf returns the index of the sentence that holds token k, or -1.
func (a *Analysis) SentenceOf(k int) int {
	lo, hi := 0, len(a.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := a.Sentences[m]; {
		case k < s.FirstToken:
			hi = m
		case k >= s.EndToken:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
