package entities_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
)

func ExampleRecognizer_Recognize() {
	g, err := gazetteer.Load("example.yaml", strings.NewReader(`entries:
  - id: country:KW
    type: COUNTRY
    name: Kuwait
    name_ar: الكويت
  - id: person:john-allen
    type: PERSON
    name: John Allen
    name_ar: جون آلن
`))
	if err != nil {
		log.Fatal(err)
	}
	r, err := entities.New(gazetteer.Compile(g), entities.Options{})
	if err != nil {
		log.Fatal(err)
	}
	a := arabic.Analyze("زار جون آلن الكويت، ثم قال الوزير أنور قرقاش إن آلن غادر.")
	for _, m := range r.Recognize(a) {
		fmt.Println(a.Text[m.Start:m.End], m.Type, r.EntityID(&m), m.Source)
	}
	// Output:
	// جون آلن PERSON person:john-allen gazetteer
	// الكويت COUNTRY country:KW gazetteer
	// أنور قرقاش PERSON person:~انور-قرقاش rule
	// آلن PERSON person:john-allen gazetteer
}

func ExampleRecognizer_AppendEntityID() {
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
	a := arabic.Analyze("زار الوزير أنور قرقاش الكويت.")
	var buf []byte
	for _, m := range r.Recognize(a) {
		buf = r.AppendEntityID(buf[:0], &m)
		fmt.Println(string(buf))
	}
	// Output:
	// person:~انور-قرقاش
	// country:KW
}
