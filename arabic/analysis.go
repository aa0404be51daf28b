package arabic

import (
	"context"
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
func (a *Analysis) Stems() []string {
	a.stemsOnce.Do(func() {
		a.stems = make([]string, len(a.Tokens))
		for k, t := range a.Tokens {
			if t.Kind == Word {
				a.stems[k] = Stem(t.Norm)
			} else {
				a.stems[k] = t.Norm
			}
		}
	})
	return a.stems
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
