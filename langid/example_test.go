package langid_test

import (
	"fmt"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/langid"
)

func ExampleDetect() {
	fmt.Println(langid.Detect(arabic.Analyze("قال وزير الخارجية إن الاجتماع سيعقد في الرياض")))
	fmt.Println(langid.Detect(arabic.Analyze("The minister said the meeting would be held in Riyadh")))
	fmt.Println(langid.Detect(arabic.Analyze("2014")))
	// Output:
	// ar
	// en
	// und
}
