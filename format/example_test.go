package format_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/alam-nlp/alam/format"
	"github.com/alam-nlp/alam/pipeline"
)

// exampleDoc is an article as the extractor leaves it (written out here so
// that the examples do not depend on the gazetteer).
func exampleDoc() *pipeline.Document {
	return &pipeline.Document{
		ID: "k1", Source: "k1.txt", Text: "زار جون كيري الكويت.",
		Mentions: []pipeline.Mention{
			{Text: "جون كيري", Base: "جون كيري", Start: 4, End: 12, Type: pipeline.Person, Entity: "person:john-kerry", Form: pipeline.FormName},
			{Text: "الكويت", Base: "الكويت", Start: 13, End: 19, Type: pipeline.Country, Entity: "country:KW", Form: pipeline.FormName},
		},
		Entities: []pipeline.Entity{
			{ID: "person:john-kerry", Type: pipeline.Person, Name: "John Kerry", NameAr: "جون كيري", Count: 1, First: 4},
			{ID: "country:KW", Type: pipeline.Country, Name: "Kuwait", NameAr: "الكويت", Count: 1, First: 13},
		},
	}
}

func ExampleNewCoNLL() {
	enc := format.NewCoNLL(os.Stdout, format.CoNLLOptions{CoNLLNames: true})
	enc.Encode(exampleDoc())
	enc.Close()
	// Output:
	// # id = k1
	// زار O
	// جون B-PERS
	// كيري I-PERS
	// الكويت B-LOC
	// . O
}

func ExampleNewBrat() {
	dir, _ := os.MkdirTemp("", "brat")
	defer os.RemoveAll(dir)
	enc, _ := format.NewBrat(dir)
	enc.Encode(exampleDoc())
	enc.Close()
	ann, _ := os.ReadFile(filepath.Join(dir, "k1.ann"))
	fmt.Print(string(ann))
	// Output:
	// T1	PERSON 4 12	جون كيري
	// #1	AnnotatorNotes T1	person:john-kerry
	// T2	COUNTRY 13 19	الكويت
	// #2	AnnotatorNotes T2	country:KW
}

func ExampleNewHTML() {
	var page strings.Builder
	enc := format.NewHTML(&page)
	enc.Encode(exampleDoc())
	enc.Close()
	for line := range strings.Lines(page.String()) {
		if strings.Contains(line, "<mark") {
			fmt.Print(line)
		}
	}
	// Output:
	// <div class="text" dir="rtl">زار <mark data-type="PERSON" data-entity="person:john-kerry" title="John Kerry · person:john-kerry">جون كيري</mark> <mark data-type="COUNTRY" data-entity="country:KW" title="Kuwait · country:KW">الكويت</mark>.</div>
}

func ExampleNewHTMLDir() {
	dir, _ := os.MkdirTemp("", "pages")
	defer os.RemoveAll(dir)
	enc, _ := format.NewHTMLDir(dir)
	enc.Encode(exampleDoc())
	enc.Close()
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	for _, f := range files {
		fmt.Println(filepath.Base(f))
	}
	// Output:
	// index.html
	// k1.html
}

func ExampleFileName() {
	fmt.Println(format.FileName("AL-sport-12"), format.FileName("news/2024/7"), format.FileName(".x"))
	// Output: AL-sport-12 news_2024_7 _x
}

func ExampleBratExts() {
	// The extensions of the files NewBrat writes: an -o folder that a walk
	// for these extensions would read is not safe for brat output.
	fmt.Println(format.BratExts(), format.HTMLDirExts())
	// Output: [.txt .ann .conf] [.html]
}
