package extract

import (
	"context"
	"reflect"
	"testing"

	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// TestEntitiesStageKeepsNoMentions runs the Entities stage over documents
// one after another, the first with many mentions, and checks that each
// gets the mentions and entities it gets alone from a new stage: the
// recognizer's mentions that the stage keeps between documents carry
// nothing from one to the next.
func TestEntitiesStageKeepsNoMentions(t *testing.T) {
	m, err := gazetteer.DefaultMatcher()
	if err != nil {
		t.Fatal(err)
	}
	r, err := entities.New(m, entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"قالت منظمة الصحة العالمية في بغداد إن فرنسا والعراق وسوريا والأردن ومصر وقطر والكويت تلقت المساعدات، وزار الرئيس الأمريكي باراك أوباما القاهرة.",
		"فاز المنتخب المصري على منتخب تونس في القاهرة.",
		"ارتفعت أسعار النفط في الأسواق.",
	}
	shared := Entities(r)
	found := 0
	// Compared once every document has run: a document that kept an
	// array of the stage's would see it changed by the later ones.
	var gots, wants []*pipeline.Document
	for _, text := range texts {
		gots = append(gots, runStages(t, text, Analyze(), shared))
		wants = append(wants, runStages(t, text, Analyze(), Entities(r)))
	}
	for i, got := range gots {
		want := wants[i]
		if !reflect.DeepEqual(got.Mentions, want.Mentions) || !reflect.DeepEqual(got.Entities, want.Entities) {
			t.Errorf("document %d: mentions %+v after the others, %+v alone", i, got.Mentions, want.Mentions)
		}
		found += len(want.Mentions)
	}
	if found < 10 {
		t.Errorf("%d mentions in all: the test proves little", found)
	}
}

// runStages runs stages on a document of text, in order, and returns it.
func runStages(t *testing.T, text string, stages ...pipeline.Stage) *pipeline.Document {
	t.Helper()
	doc := &pipeline.Document{Text: text}
	if err := pipeline.Chain(stages...).Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}
