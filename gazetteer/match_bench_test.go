package gazetteer

import (
	stdcontext "context"
	"testing"

	"github.com/alam-nlp/alam/arabic"
)

// BenchmarkMatch measures FindAll alone, on the ANT sample analysed
// beforehand: the matcher's share of BenchmarkFindAll.
func BenchmarkMatch(b *testing.B) {
	texts, size, m := antMatcher(b)
	analyses := make([]*arabic.Analysis, len(texts))
	for i, t := range texts {
		analyses[i] = arabic.Analyze(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range analyses {
			m.FindAll(a)
		}
	}
}

// BenchmarkMatchIDs is BenchmarkMatch with the tokens' vocabulary ids
// given (FindAllIDsContext), as a caller that keeps them per word type
// (the entities' lexemes) has them: the lookups it saves.
func BenchmarkMatchIDs(b *testing.B) {
	texts, size, m := antMatcher(b)
	analyses := make([]*arabic.Analysis, len(texts))
	ids := make([][]uint32, len(texts))
	for i, t := range texts {
		a := arabic.Analyze(t)
		analyses[i] = a
		ids[i] = make([]uint32, len(a.Tokens))
		for k, tok := range a.Tokens {
			ids[i][k] = m.TokenID(tok.Norm)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, a := range analyses {
			if _, err := m.FindAllIDsContext(stdcontext.Background(), a, ids[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
