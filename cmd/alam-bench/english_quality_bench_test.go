package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/alam-nlp/alam/extract"
)

// BenchmarkEnglishNames compares, on the held-out English articles of
// extract/englishnames (marked [[name|TYPE]], never tuned on), the names
// of alam's whole extractor with those of prose v2's entity model, and
// reports how many gold names of a kind each finds (recall) and how many
// of its names are gold names (precision): PERSON against prose's PERSON,
// places (COUNTRY and LOCATION) against its GPE. prose gives no offsets,
// so a name counts as found when a name of the same kind in the same
// article has the same text, or holds it or is held by it (partial).
// Run with -benchtime 1x: the figures are the metrics, not the time.
func BenchmarkEnglishNames(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "extract", "englishnames", "testdata", "heldout", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no held-out articles: %v", err)
	}
	mark := regexp.MustCompile(`\[\[([^|\]]+)\|([A-Z]+)\]\]`)
	kind := map[string]string{"PERSON": "person", "COUNTRY": "place", "LOCATION": "place", "GPE": "place"}
	type article struct {
		text string
		gold map[string][]string // kind → names
	}
	var arts []article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a := article{text: mark.ReplaceAllString(string(raw), "$1"), gold: map[string][]string{}}
		for _, m := range mark.FindAllStringSubmatch(string(raw), -1) {
			if k := kind[m[2]]; k != "" {
				a.gold[k] = append(a.gold[k], m[1])
			}
		}
		arts = append(arts, a)
	}
	cfg, err := extract.DefaultConfig()
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	overlaps := func(a, b string) bool { return strings.Contains(a, b) || strings.Contains(b, a) }
	// score adds to found the gold names of kind k that pred holds, and to
	// right the names of pred that are gold names.
	type counts struct{ gold, found, pred, right int }
	score := func(c *counts, gold, pred []string) {
		c.gold += len(gold)
		c.pred += len(pred)
		for _, g := range gold {
			for _, p := range pred {
				if overlaps(g, p) {
					c.found++
					break
				}
			}
		}
		for _, p := range pred {
			for _, g := range gold {
				if overlaps(g, p) {
					c.right++
					break
				}
			}
		}
	}
	for b.Loop() {
		res := map[string]*counts{}
		for _, sys := range []string{"alam", "prose"} {
			for _, k := range []string{"person", "place"} {
				res[sys+"-"+k] = &counts{}
			}
		}
		for _, a := range arts {
			doc, err := x.Annotate(context.Background(), a.text)
			if err != nil {
				b.Fatal(err)
			}
			alam := map[string][]string{}
			for _, m := range doc.Mentions {
				if k := kind[string(m.Type)]; k != "" && m.Form == "name" {
					alam[k] = append(alam[k], m.Text)
				}
			}
			pd, err := prose.NewDocument(a.text)
			if err != nil {
				b.Fatal(err)
			}
			pr := map[string][]string{}
			for _, e := range pd.Entities() {
				if k := kind[e.Label]; k != "" {
					pr[k] = append(pr[k], e.Text)
				}
			}
			for _, k := range []string{"person", "place"} {
				score(res["alam-"+k], a.gold[k], alam[k])
				score(res["prose-"+k], a.gold[k], pr[k])
			}
		}
		for name, c := range res {
			b.ReportMetric(float64(c.found)/float64(max(c.gold, 1)), name+"-recall")
			b.ReportMetric(float64(c.right)/float64(max(c.pred, 1)), name+"-precision")
		}
	}
}
