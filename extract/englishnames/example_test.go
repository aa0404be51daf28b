package englishnames_test

import (
	"fmt"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/extract/englishnames"
)

func ExampleFind() {
	a := english.SplitPossessives(arabic.Analyze("Retired Gen. John Allen arrived on Sunday. Allen said the talks went well."))
	for _, m := range englishnames.Find(a, nil) {
		fmt.Printf("%s %s [%d,%d) %s\n", a.Text[m.Start:m.End], m.Type, m.RuneStart, m.RuneEnd, m.Key)
	}
	// Output:
	// John Allen PERSON [13,23) john allen
	// Allen PERSON [43,48) john allen
}
