package nerfeat_test

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/tagger"
)

// A Word is made once per word type; its normalized form is the one its
// features are built on.
func ExampleLexicon_Word() {
	lex := nerfeat.NewLexicon(nil)
	w := lex.Word("وَالإِمَارَاتُ", nil) // no model: no weight sums
	fmt.Println(w.Norm())
	// Output: والامارات
}

// A Seen records the type of each hinted word's normalized form, for the
// words of the document that have no hint of their own.
func ExampleSeen_NoteWords() {
	lex := nerfeat.NewLexicon(nil)
	var words []*nerfeat.Word
	for _, w := range strings.Fields("قال أحمد زكي") {
		words = append(words, lex.Word(w, nil))
	}
	var seen nerfeat.Seen
	seen.NoteWords(words, []string{"", "B-PERSON/rule", "I-PERSON/rule"})
	fmt.Println(seen.Types())
	// Output: map[احمد:PERSON/rule زكي:PERSON/rule]
}

// A Scorer sums a model's weights over the features of a sentence of
// Words made for that model; TagProbScores decodes the sums. The labels
// and probabilities are those of tagging the feature strings.
func ExampleScorer() {
	x := nerfeat.New(nil, nil)
	features := func(words []string) [][]string {
		return x.HintedSentence(words, make([]string, len(words)), nil, nil, map[string]string{})
	}
	var data []tagger.Sentence
	for _, s := range []struct{ text, labels string }{
		{"قال الرئيس محمد أمس", "O O B-PERS O"},
		{"قال الرئيس عمر أمس", "O O B-PERS O"},
		{"زار الوزير القاهرة أمس", "O O B-LOC O"},
	} {
		data = append(data, tagger.Sentence{Features: features(strings.Fields(s.text)), Labels: strings.Fields(s.labels)})
	}
	m, err := tagger.Train(data, tagger.Config{Epochs: 5, Seed: 1, Bits: 12})
	if err != nil {
		fmt.Println(err)
		return
	}

	text := strings.Fields("قال الرئيس زكي أمس")
	lex := nerfeat.NewLexicon(nil)
	words := make([]*nerfeat.Word, len(text))
	for i, w := range text {
		words[i] = lex.Word(w, m) // once per word type, for m
	}
	sc := nerfeat.NewScorer(m)
	var s tagger.Scratch
	hint := make([]string, len(words)) // no hints
	e := sc.Sentence(&s, words, hint, nil, nil, nil)
	labels, probs := m.TagProbScores(&s, e)
	fmt.Println(labels)

	want, wantProbs := m.TagProb(features(text))
	fmt.Println(slices.Equal(labels, want), slices.Equal(probs, wantProbs))
	// Output:
	// [O O B-PERS O]
	// true true
}
