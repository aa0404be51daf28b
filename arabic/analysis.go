package arabic

// Analysis is a text with its tokens and sentences.
type Analysis struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
}

// Analyze tokenizes text with the Default folds and splits it into
// sentences.
func Analyze(text string) *Analysis { return defaultTokenizer.Analyze(text) }

// Analyze tokenizes text and splits it into sentences.
func (t *Tokenizer) Analyze(text string) *Analysis {
	toks := t.Tokens(text)
	return &Analysis{Text: text, Tokens: toks, Sentences: Sentences(text, toks)}
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
