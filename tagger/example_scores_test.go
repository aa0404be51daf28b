package tagger_test

import (
	"fmt"
	"slices"

	"github.com/alam-nlp/alam/tagger"
)

// exampleModel trains the model of ExampleTrain, whose features are
// "w="+word and "prev="+the word before.
func exampleModel() *tagger.Model {
	feat := func(words ...string) [][]string {
		fs := make([][]string, len(words))
		for i, w := range words {
			fs[i] = []string{"w=" + w}
			if i > 0 {
				fs[i] = append(fs[i], "prev="+words[i-1])
			}
		}
		return fs
	}
	m, err := tagger.Train([]tagger.Sentence{
		{Features: feat("mr", "ali", "left"), Labels: []string{"O", "B-PERS", "O"}},
		{Features: feat("mr", "omar", "came"), Labels: []string{"O", "B-PERS", "O"}},
		{Features: feat("he", "left", "cairo"), Labels: []string{"O", "O", "B-LOC"}},
	}, tagger.Config{Epochs: 5, Seed: 1, Bits: 10})
	if err != nil {
		panic(err) // the data above is valid
	}
	return m
}

// hashes returns the hashes of the features of exampleModel for word i
// of words: its own ("w=") and its context's ("prev=").
func hashes(words []string, i int) (own, context []tagger.Hash) {
	own = []tagger.Hash{tagger.NewHash().Add("w=").Add(words[i])}
	if i > 0 {
		context = []tagger.Hash{tagger.NewHash().Add("prev=").Add(words[i-1])}
	}
	return own, context
}

func ExampleScratch_Scores() {
	m := exampleModel()
	var s tagger.Scratch
	e := s.Scores(m, 3) // a row of len(m.Labels()) scores per token, all 0
	fmt.Println(m.Labels(), len(e), e[0] == 0 && e[14] == 0)
	// Output: [O B-LOC B-PERS I-LOC I-PERS] 15 true
}

// A word's own features are summed once per word type into a row kept
// for it; each token copies that row and adds its context's features.
// The sums, integers, are those of adding all the features at once.
func ExampleModel_AddFeatures() {
	m := exampleModel()
	n := len(m.Labels())
	words := []string{"mr", "zaki", "left"}
	own, context := hashes(words, 1)

	kept := make([]int64, n) // for the word type "zaki"
	m.AddFeatures(kept, own)
	row := slices.Clone(kept) // for this token of it
	m.AddFeatures(row, context)

	all := make([]int64, n)
	m.AddFeatures(all, append(own, context...))
	fmt.Println(slices.Equal(row, all))
	// Output: true
}

// TagProbScores decodes scores summed by the caller: the labels and
// probabilities of TagProb over the same features.
func ExampleModel_TagProbScores() {
	m := exampleModel()
	n := len(m.Labels())
	words := []string{"mr", "zaki", "left"}
	var s tagger.Scratch
	e := s.Scores(m, len(words))
	for i := range words {
		own, context := hashes(words, i)
		m.AddFeatures(e[i*n:(i+1)*n], append(own, context...))
	}
	labels, probs := m.TagProbScores(&s, e)
	fmt.Println(labels)

	want, wantProbs := m.TagProb([][]string{{"w=mr"}, {"w=zaki", "prev=mr"}, {"w=left", "prev=zaki"}})
	fmt.Println(slices.Equal(labels, want), slices.Equal(probs, wantProbs))
	// Output:
	// [O B-PERS O]
	// true true
}

// TagScores gives the labels alone; MarginalsScores their probabilities
// after, only for the sentences that need them.
func ExampleModel_TagScores() {
	m := exampleModel()
	n := len(m.Labels())
	words := []string{"mr", "zaki", "left"}
	var s tagger.Scratch
	e := s.Scores(m, len(words))
	for i := range words {
		own, context := hashes(words, i)
		m.AddFeatures(e[i*n:(i+1)*n], append(own, context...))
	}
	labels := m.TagScores(&s, e)
	fmt.Println(labels)
	if slices.Contains(labels, "B-PERS") {
		probs := m.MarginalsScores(&s, e)
		_, want := m.TagProbScores(new(tagger.Scratch), e)
		fmt.Println(len(probs), slices.Equal(probs, want))
	}
	// Output:
	// [O B-PERS O]
	// 3 true
}

// MarginalsScoresIn gives the probabilities of some tokens alone (here
// the name's), those MarginalsScores gives them; the others are 0.
func ExampleModel_MarginalsScoresIn() {
	m := exampleModel()
	n := len(m.Labels())
	words := []string{"mr", "zaki", "left"}
	var s tagger.Scratch
	e := s.Scores(m, len(words))
	for i := range words {
		own, context := hashes(words, i)
		m.AddFeatures(e[i*n:(i+1)*n], append(own, context...))
	}
	m.TagScores(&s, e)
	all := slices.Clone(m.MarginalsScores(&s, e))
	some := m.MarginalsScoresIn(&s, e, 1, 2)
	fmt.Println(some[0], some[1] == all[1], some[2])
	// Output: 0 true 0
}

func ExampleAppendSpans() {
	var spans []tagger.Span // reused from sentence to sentence
	spans = tagger.AppendSpans(spans[:0], []string{"B-PERS", "I-PERS", "O", "B-LOC"})
	fmt.Println(spans)
	// Output: [{0 2 PERS} {3 4 LOC}]
}
