package english_test

import (
	"context"
	"fmt"

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
	// wo [17,19) wo
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
