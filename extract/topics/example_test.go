package topics_test

import (
	"bytes"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/topics"
)

func ExampleLoadTaxonomy() {
	const file = `version: 1
topics:
  - id: medtop:16000000
    label: conflict, war and peace
    label_ar: النزاعات والحروب والسلام
    terms: {حرب: 2.0, "وقف إطلاق النار": 3.0}
    entities: {org:isis: 3.0}
  - id: medtop:15000000
    label: sport
    terms: {مباراة: 3.0}
`
	tax, err := topics.LoadTaxonomy("example.yaml", strings.NewReader(file))
	if err != nil {
		log.Fatal(err)
	}
	a := arabic.Analyze("أعلن الطرفان وقف إطلاق النار بعد أسابيع من الحرب مع تنظيم داعش.")
	ents := []topics.EntityRef{{ID: "org:isis", Kind: "armed-group", Type: "ORG", Name: "داعش"}}
	for _, t := range tax.Score(a, ents) {
		fmt.Printf("%s %.2f %s\n", t.ID, t.Score, strings.Join(t.Evidence, "، "))
	}
	// Output:
	// medtop:16000000 0.41 وقف إطلاق النار، داعش، الحرب
}

// The default taxonomy (IPTC Media Topics, data/taxonomy.yaml) on one
// sentence: فرض رسوم (3), سلع (2), أسعار (1.5) and الأسواق (1.5) once each
// give economy a raw sum of 8; under 150 words the density is 8 / 1.5, so
// the score is 1 − exp(−5.33 / 10) = 0.41. Politics (الحكومة, 0.5) stays
// under the threshold.
func ExampleDefaultTaxonomy() {
	tax, err := topics.DefaultTaxonomy()
	if err != nil {
		log.Fatal(err)
	}
	a := arabic.Analyze("قررت الحكومة فرض رسوم على السلع المستوردة، فارتفعت الأسعار في الأسواق.")
	for _, t := range tax.Score(a, nil) {
		fmt.Printf("%s %s %.2f %s\n", t.ID, t.Label, t.Score, strings.Join(t.Evidence, "، "))
	}
	// Output:
	// medtop:04000000 economy, business and finance 0.41 فرض رسوم، السلع، الأسعار، الأسواق
}

func ExampleLoadTaxonomy_errors() {
	const file = `version: 1
topics:
  - id: medtop:15000000
    label: sport
    terms: {مباراة: 3.0, المباراة: 2.0, هدف: "1"}
`
	_, err := topics.LoadTaxonomy("bad.yaml", strings.NewReader(file))
	fmt.Println(err)
	// Output:
	// bad.yaml:5:26: topics[0].terms: term "المباراة" has the same stems (مبارا) as "مباراة" at bad.yaml:5:13
	// bad.yaml:5:46: topics[0].terms.هدف: weight must be a number, got string
}

// exampleDocs are the labelled articles the model examples train on: two
// of sport, two of economy.
func exampleDocs() []topics.LabeledDoc {
	return []topics.LabeledDoc{
		{Label: "sport", Analysis: arabic.Analyze("فاز الفريق في المباراة وسجل اللاعب هدفين.")},
		{Label: "sport", Analysis: arabic.Analyze("خسر المنتخب المباراة وغادر اللاعبون الملعب.")},
		{Label: "economy", Analysis: arabic.Analyze("ارتفعت أسعار النفط وتراجعت الأسهم في البورصة.")},
		{Label: "economy", Analysis: arabic.Analyze("خفض البنك المركزي أسعار الفائدة لكبح التضخم.")},
	}
}

func ExampleTrain() {
	docs := exampleDocs()
	m, err := topics.Train(docs, topics.TrainOptions{Kind: topics.NaiveBayes, MinCount: 1, NoCalibration: true})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range m.Predict(arabic.Analyze("تراجعت أسعار الأسهم")) {
		fmt.Printf("%s %.3f\n", p.Label, p.Score)
	}
	// Output:
	// economy 0.975
	// sport 0.025
}

// A trained model is saved and loaded again; the loaded model predicts
// what the saved one does (the model and figures of ExampleTrain).
func ExampleLoadModel() {
	docs := exampleDocs()
	m, err := topics.Train(docs, topics.TrainOptions{Kind: topics.NaiveBayes, MinCount: 1, NoCalibration: true})
	if err != nil {
		log.Fatal(err)
	}
	var file bytes.Buffer // a file in practice: alam topics train -o news.model
	if err := m.Save(&file); err != nil {
		log.Fatal(err)
	}
	loaded, err := topics.LoadModel(&file)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(loaded.Kind(), loaded.Labels())
	for _, p := range loaded.Predict(arabic.Analyze("تراجعت أسعار الأسهم")) {
		fmt.Printf("%s %.3f\n", p.Label, p.Score)
	}
	// Output:
	// nb [economy sport]
	// economy 0.975
	// sport 0.025
}

func ExampleModel_Explain() {
	docs := exampleDocs()
	m, err := topics.Train(docs, topics.TrainOptions{Kind: topics.LogReg, MinCount: 1})
	if err != nil {
		log.Fatal(err)
	}
	a := arabic.Analyze("تراجعت أسعار الأسهم")
	fmt.Println(m.PredictWith(a, nil)[0].Label)
	// The three words were seen in economy articles only; their pairs
	// were never seen.
	fmt.Println(slices.Sorted(slices.Values(m.Explain(a, nil, "economy"))))
	// Output:
	// economy
	// [أسعار الأسهم تراجعت]
}

func ExampleModel_Check() {
	docs := append(exampleDocs(),
		topics.LabeledDoc{Label: "economy", Analysis: arabic.Analyze("تراجعت أسعار الأسهم")},
		topics.LabeledDoc{Label: "sport", Analysis: arabic.Analyze("سجل اللاعب هدفا في المباراة")},
	)
	train, dev := topics.HoldOut(docs, 3) // one of every three of each label
	m, err := topics.Train(train, topics.TrainOptions{MinCount: 1})
	if err != nil {
		log.Fatal(err)
	}
	r := m.Check(dev, 10)
	fmt.Printf("%d trained, %d held out, %d right\n", len(train), r.Docs, r.Correct)
	// Output:
	// 4 trained, 2 held out, 2 right
}
