package english_test

import (
	"context"
	"fmt"
	"slices"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
)

func ExampleSplitPossessives() {
	a := english.SplitPossessives(arabic.Analyze("Kuwait’s emir"))
	for _, t := range a.Tokens {
		fmt.Printf("%s [%d,%d) %s\n", t.Text(a.Text), t.RuneStart, t.RuneEnd, t.Norm)
	}
	// Output:
	// Kuwait [0,6) kuwait
	// ’s [6,8) 's
	// emir [9,13) emir
}

func ExampleIsStopWord() {
	fmt.Println(english.IsStopWord("said"), english.IsStopWord("kuwait"))
	// Output: true false
}

func ExampleAnalyzer_Analyze() {
	an := english.NewAnalyzer() // build once, share between goroutines
	a, err := an.Analyze(context.Background(), "“Stéphane’s team won’t go,” he said.")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range a.Tokens {
		fmt.Printf("%s [%d,%d) %s\n", t.Text(a.Text), t.RuneStart, t.RuneEnd, t.Norm)
	}
	// Output:
	// “ [0,1) “
	// Stéphane [1,9) stéphane
	// ’s [9,11) 's
	// team [12,16) team
	// wo [17,19) will
	// n’t [19,22) n't
	// go [23,25) go
	// , [25,26) ,
	// ” [26,27) ”
	// he [28,30) he
	// said [31,35) said
	// . [35,36) .
}

func ExampleIsSayingVerb() {
	fmt.Println(english.IsSayingVerb("told"), english.IsSayingVerb("the"), english.IsStopWord("the"))
	// Output: true false true
}

// Refine takes the analysis the Analyze stage of package extract makes
// before it knows the language (alam's tokens, possessives split) and
// adds prose's cuts: They'll as They|'ll.
func ExampleAnalyzer_Refine() {
	base := english.SplitPossessives(arabic.Analyze("They'll meet Kuwait's emir."))
	a, err := english.NewAnalyzer().Refine(context.Background(), base)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(base.Tokens), "tokens before,", len(a.Tokens), "after,", len(a.Sentences), "sentence")
	for _, t := range a.Tokens {
		fmt.Printf("%s [%d,%d) %s\n", t.Text(a.Text), t.RuneStart, t.RuneEnd, t.Norm)
	}
	// Output:
	// 6 tokens before, 7 after, 1 sentence
	// They [0,4) they
	// 'll [4,7) 'll
	// meet [8,12) meet
	// Kuwait [13,19) kuwait
	// 's [19,21) 's
	// emir [22,26) emir
	// . [26,27) .
}

func ExampleSnowballStopWords() {
	w := english.SnowballStopWords()
	fmt.Println(len(w), w[:5])
	// Output: 174 [i me my myself we]
}

// The stop words are the Snowball list's 174, the 91 news words of
// stopwords_news.txt and the 37 verbs of saying of stopwords_saying.txt
// (the three lists share no word): 302, and the 55 of them with an
// apostrophe (50 Snowball contractions, 's n't 'll 're 'm) once more
// with ’.
func ExampleStopWords() {
	w := english.StopWords()
	fmt.Println(len(w), slices.Contains(w, "said"), slices.Contains(w, "we've"), slices.Contains(w, "we’ve"), slices.Contains(w, "kuwait"))
	// Output: 357 true true true false
}
