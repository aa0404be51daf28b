package nerfeat_test

import (
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/internal/testutil"
	"github.com/alam-nlp/alam/tagger"
)

// antSample is the ANT corpus sample; the benchmark is skipped when it
// is absent (it is not shipped).
const antSample = "../../../shared/data/ant_corpus_v2.1_sample"

// BenchmarkScorer measures Scorer.Sentence with the default model on
// the sentences of the first 400 articles of the ANT sample, in ns a
// token: Words made once per form with their word lists (no codes), a
// hint on one token in eight and two-token names after it, and the
// hinted words noted for the document as extract/entities does.
func BenchmarkScorer(b *testing.B) {
	texts, _ := testutil.TextFiles(antSample)
	if len(texts) == 0 {
		b.Skip("corpus absent: " + antSample)
	}
	texts = texts[:min(len(texts), 400)]
	m, err := nermodel.Default()
	if err != nil {
		b.Fatal(err)
	}
	lex := nerfeat.NewLexicon(nil)
	forms := map[string]*nerfeat.Word{}
	type sentence struct {
		words              []*nerfeat.Word
		hints, raws, lists []string
		seen               *nerfeat.Seen
	}
	var sents []sentence
	tokens := 0
	for _, t := range texts {
		a := arabic.Analyze(t)
		seen := new(nerfeat.Seen)
		for _, s := range a.Sentences {
			n := s.EndToken - s.FirstToken
			st := sentence{words: make([]*nerfeat.Word, n), hints: make([]string, n), raws: make([]string, n), lists: make([]string, n), seen: seen}
			for k := range n {
				text := a.Tokens[s.FirstToken+k].Text(a.Text)
				w := forms[text]
				if w == nil {
					w = new(nerfeat.Word)
					lex.SetWordLists(w, text, "", m)
					forms[text] = w
				}
				st.words[k] = w
				if (tokens+k)%8 == 0 && k+1 < n {
					st.hints[k], st.hints[k+1] = "B-PERSON/rule/name", "I-PERSON/rule/name"
					st.raws[k] = "B-LOCATION/name"
				}
			}
			seen.NoteWords(st.words, st.hints)
			sents = append(sents, st)
			tokens += n
		}
	}
	sc := nerfeat.NewScorer(m)
	var s tagger.Scratch
	b.ReportAllocs()
	cpu := testutil.CPUTime()
	for b.Loop() {
		for _, st := range sents {
			sc.Sentence(&s, st.words, st.hints, st.raws, st.lists, st.seen)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
	b.ReportMetric(float64((testutil.CPUTime()-cpu).Nanoseconds())/float64(b.N*tokens), "cpu-ns/token")
}
