package english_test

import (
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
