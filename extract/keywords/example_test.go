package keywords_test

import (
	"fmt"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/keywords"
)

func ExampleExtract() {
	text := "مؤتمر الكويت يدعو لتوسيع الحرب على داعش\n\n" +
		"دعت الولايات المتحدة حلفاءها إلى مواجهة داعش على الإنترنت. " +
		"وقال المنسق إن الحرب على داعش طويلة. " +
		"والكويت تستضيف المؤتمر، والإمارات جزء من التحالف."
	for _, k := range keywords.Extract(arabic.Analyze(text), 5, keywords.Options{}) {
		fmt.Printf("%s [%d:%d]\n", k.Text, k.Start, k.End)
	}
	// Output:
	// الحرب على داعش [25:39]
	// مؤتمر [0:5]
	// الكويت [6:12]
	// يدعو [13:17]
	// لتوسيع [18:24]
}

// With Options.English, the names the entities found (here marked by
// hand, in code points) are keywords whole, and title words are none.
func ExampleExtract_english() {
	text := "Foreign Minister John Allen met Gulf envoys. " +
		"Allen said the ceasefire talks would resume. " +
		"The ceasefire talks were held in Doha, and Foreign Minister Allen left Doha."
	names := []keywords.Name{
		{Start: 17, End: 27, Key: "person:allen"}, // John Allen
		{Start: 45, End: 50, Key: "person:allen"}, // Allen
		{Start: 32, End: 36, Key: "location:gulf"},
		{Start: 123, End: 127, Key: "city:doha"},
		{Start: 150, End: 155, Key: "person:allen"},
		{Start: 161, End: 165, Key: "city:doha"},
	}
	opt := keywords.Options{English: true, Names: names}
	for _, k := range keywords.Extract(arabic.Analyze(text), 5, opt) {
		fmt.Println(k.Text)
	}
	// Output:
	// ceasefire talks
	// John Allen
	// Doha
	// Gulf
}
