package extract_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/extract/nermodel"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// exampleGazetteer is a small gazetteer, so that the examples do not
// change when the default data grows.
func exampleGazetteer() *gazetteer.Gazetteer {
	g, err := gazetteer.Load("example.yaml", strings.NewReader(`entries:
  - id: country:KW
    type: COUNTRY
    name: Kuwait
    name_ar: الكويت
    demonyms: [كويتي]
  - id: person:john-allen
    type: PERSON
    name: John Allen
    name_ar: جون آلن
`))
	if err != nil {
		log.Fatal(err)
	}
	return g
}

func ExampleNew() {
	x, err := extract.New(extract.Config{Gazetteer: exampleGazetteer()})
	if err != nil {
		log.Fatal(err)
	}
	doc := &pipeline.Document{Text: "التقى جون آلن في الكويت وزير الخارجية أنور قرقاش. وقال آلن إن الكويتيين شركاء."}
	if err := x.Stage().Process(context.Background(), doc); err != nil {
		log.Fatal(err)
	}
	for _, m := range doc.Mentions {
		fmt.Printf("%s [%d,%d) %s %s %s %s\n", m.Text, m.Start, m.End, m.Type, m.Entity, m.Form, m.Source)
	}
	// Output:
	// جون آلن [6,13) PERSON person:john-allen name gazetteer
	// الكويت [17,23) COUNTRY country:KW name gazetteer
	// أنور قرقاش [38,48) PERSON person:~انور-قرقاش name rule
	// آلن [55,58) PERSON person:john-allen name gazetteer
	// الكويتيين [62,71) COUNTRY country:KW adjective gazetteer
}

func ExampleExtractor_Annotate() {
	x, err := extract.New(extract.Config{Gazetteer: exampleGazetteer()})
	if err != nil {
		log.Fatal(err)
	}
	doc, err := x.Annotate(context.Background(), "زار جون آلن الكويت، ثم غادر آلن الكويت.")
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range doc.Entities {
		fmt.Println(e.ID, e.Count, e.First)
	}
	// Output:
	// person:john-allen 2 4
	// country:KW 2 12
}

func ExampleAnalyze() {
	doc := &pipeline.Document{Text: "مؤتمر الكويت يدعو لتوسيع الحرب. وقال آلن: «نعم»."}
	if err := extract.Analyze().Process(context.Background(), doc); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %+v\n", doc.Lang, doc.Stats)
	// Output: ar {Chars:48 Tokens:13 Sentences:2}
}

// A model from alam train ner, read from a file (here the embedded default,
// written out), becomes the extractor's tagger.
func ExampleReadNERModel() {
	def, err := nermodel.Default()
	if err != nil {
		log.Fatal(err)
	}
	var file bytes.Buffer
	if _, err := def.WriteTo(&file); err != nil {
		log.Fatal(err)
	}
	m, err := extract.ReadNERModel("ner.model", &file)
	if err != nil {
		log.Fatal(err)
	}
	x, err := extract.New(extract.Config{NERModel: m})
	if err != nil {
		log.Fatal(err)
	}
	doc, err := x.Annotate(context.Background(), "قال وزير الخارجية الكويتي الشيخ صباح الخالد إن الكويت ترحب بالاتفاق.")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Info().FeatureSet == nerfeat.Version, len(doc.Mentions) > 0)
	// Output: true true
}
