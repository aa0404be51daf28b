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
