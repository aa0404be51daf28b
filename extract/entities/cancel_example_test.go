package entities_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
)

func ExampleRecognizer_RecognizeContext() {
	g, err := gazetteer.Load("example.yaml", strings.NewReader(`entries:
  - id: country:KW
    type: COUNTRY
    name: Kuwait
    name_ar: الكويت
`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := entities.New(gazetteer.Compile(g), entities.Options{})
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	found, err := r.RecognizeContext(ctx, arabic.Analyze("زار الوزير الكويت."))
	fmt.Println(len(found), err)
	cancel()
	_, err = r.RecognizeContext(ctx, arabic.Analyze(strings.Repeat("زار الوزير الكويت. ", 1000)))
	fmt.Println(err)
	// Output:
	// 1 <nil>
	// context canceled
}
