package tagger_test

import (
	"fmt"

	"github.com/alam-nlp/alam/tagger"
)

func ExampleTrain() {
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
	data := []tagger.Sentence{
		{Features: feat("mr", "ali", "left"), Labels: []string{"O", "B-PERS", "O"}},
		{Features: feat("mr", "omar", "came"), Labels: []string{"O", "B-PERS", "O"}},
		{Features: feat("he", "left", "cairo"), Labels: []string{"O", "O", "B-LOC"}},
	}
	m, err := tagger.Train(data, tagger.Config{Epochs: 5, Seed: 1, Bits: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Tag(feat("mr", "zaki", "left")))
	// Output: [O B-PERS O]
}
