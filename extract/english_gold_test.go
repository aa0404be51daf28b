package extract_test

import (
	"fmt"
	"testing"

	"github.com/alam-nlp/alam/pipeline"
)

// TestEnglishGold checks the extractor on the English golden article
// (testdata/en_001_gcc_talks.txt, written for alam) against its gold file,
// annotated by hand to the conventions of the reference gold: every gold
// name is found with its exact span and type, no name outside the gold,
// and short forms (Allen, Sabah, Dujarric) denote the full name's entity.
func TestEnglishGold(t *testing.T) {
	doc, goldMentions := annotateFile(t, "en", "testdata/en_001_gcc_talks.txt", "testdata/en_001_gcc_talks.gold.json")
	if doc.Lang != "en" {
		t.Errorf("lang %q, want en", doc.Lang)
	}
	inGold := map[string]bool{}
	for _, g := range goldMentions {
		inGold[fmt.Sprint(g.Start, g.End, g.Type)] = true
	}
	found := map[string]bool{}
	entity := map[string]string{} // text → entity
	for _, m := range doc.Mentions {
		k := fmt.Sprint(m.Start, m.End, m.Type)
		found[k] = true
		entity[m.Text] = m.Entity
		if m.Form == pipeline.FormName && !inGold[k] {
			t.Errorf("name not in the gold: %s %q [%d,%d) %s", m.Type, m.Text, m.Start, m.End, m.Source)
		}
	}
	for _, g := range goldMentions {
		if !found[fmt.Sprint(g.Start, g.End, g.Type)] {
			t.Errorf("gold name not found: %s %q [%d,%d)", g.Type, g.Text, g.Start, g.End)
		}
	}
	for short, full := range map[string]string{"Allen": "John Allen", "Sabah": "Sabah Khalid al-Hamad al-Sabah", "Dujarric": "Stéphane Dujarric", "IS": "ISIS", "Daesh": "Islamic State", "GCC": "Gulf Cooperation Council", "UN": "United Nations"} {
		if entity[short] == "" || entity[short] != entity[full] {
			t.Errorf("%s is entity %q, %s is %q: want the same", short, entity[short], full, entity[full])
		}
	}
}
