package extract

import (
	"context"
	"reflect"
	"testing"

	"github.com/alam-nlp/alam/extract/topics"
	"github.com/alam-nlp/alam/pipeline"
)

// TestTopicInputRegions checks the country and region that entity
// mentions carry to the topic scorers: a country's own code, a city's
// country, and the region of the Arab League members (attrs.member_of)
// and of the others, read off the default gazetteer by hand.
func TestTopicInputRegions(t *testing.T) {
	x, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	a, refs, err := x.TopicInput(context.Background(), "زار الرئيس الفرنسي بغداد ثم فرنسا والعراق.")
	if err != nil {
		t.Fatal(err)
	}
	if a == nil || len(a.Tokens) == 0 {
		t.Fatal("no analysis")
	}
	want := map[string]topics.EntityRef{
		"city:baghdad": {Country: "IQ", Region: topics.RegionArab, Type: "LOCATION"},
		"country:FR":   {Country: "FR", Region: topics.RegionOther, Type: "COUNTRY"},
		"country:IQ":   {Country: "IQ", Region: topics.RegionArab, Type: "COUNTRY"},
	}
	seen := map[string]bool{}
	for _, r := range refs {
		w, ok := want[r.ID]
		if !ok {
			continue
		}
		seen[r.ID] = true
		if r.Country != w.Country || r.Region != w.Region || r.Type != w.Type || r.Name == "" {
			t.Errorf("%s (%q): country %q region %q type %q; want %q %q %q", r.ID, r.Name, r.Country, r.Region, r.Type, w.Country, w.Region, w.Type)
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("%s not among the mentions %+v", id, refs)
		}
	}
}

// TestTopicsStageKeepsNoRefs runs the Topics stage over documents one
// after another, the first with many entities that hint topics (org:who,
// org:imf, org:world-bank, org:opec), and checks that each gets
// the topics it gets alone from a new stage: the entity refs the stage
// keeps between documents carry nothing from one to the next.
func TestTopicsStageKeepsNoRefs(t *testing.T) {
	tax, err := topics.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"قالت منظمة الصحة العالمية وصندوق النقد الدولي والبنك الدولي وأوبك في بغداد إن فرنسا والعراق وسوريا والأردن ومصر وقطر والكويت تلقت المساعدات.",
		"فاز المنتخب المصري في كرة القدم على منتخب تونس في القاهرة.",
		"ارتفعت أسعار النفط في الأسواق.",
	}
	x, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	front := x.Stage()
	shared := Topics(tax, nil, nil)
	withTopics := 0
	// Compared once every document has run, as in
	// TestEntitiesStageKeepsNoMentions.
	var gots, wants [][]pipeline.Topic
	for _, text := range texts {
		gots = append(gots, runStages(t, text, front, shared).Topics)
		wants = append(wants, runStages(t, text, front, Topics(tax, nil, nil)).Topics)
	}
	for i, got := range gots {
		want := wants[i]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("document %d: topics %+v after the others, %+v alone", i, got, want)
		}
		if len(want) > 0 {
			withTopics++
		}
	}
	if withTopics < 2 {
		t.Errorf("%d documents with topics: the test proves little", withTopics)
	}
}
