package extract

import (
	"context"
	"testing"

	"github.com/alam-nlp/alam/extract/topics"
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
