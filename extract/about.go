package extract

import (
	"context"
	"slices"
	"strings"

	"github.com/alam-nlp/alam/extract/keywords"
	"github.com/alam-nlp/alam/extract/topics"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/internal/reuse"
	"github.com/alam-nlp/alam/langid"
	"github.com/alam-nlp/alam/pipeline"
)

// Model topics are reported when their probability reaches
// ModelThreshold, at most ModelMaxTopics of them, with ids "model:<label>".
const (
	ModelThreshold = 0.2
	ModelMaxTopics = 3
	modelIDPrefix  = "model:"
)

// Topics returns the stage that says what an analyzed document is about:
// doc.Topics. With a taxonomy t it scores t's topics on the document's
// words and on its entities (run it after Entities, whose mentions count
// as evidence). With a classifier m it adds m's labels, as topics
// "model:<label>" whose score is the label's probability, after the
// taxonomy's, with the words and entities that speak most for the label as
// evidence. Either may be nil. The gazetteer g, if not nil, gives the
// region (Arab League member or not) of the countries the entities are in;
// see TopicInput.
func Topics(t *topics.Taxonomy, m *topics.Model, g *gazetteer.Gazetteer) pipeline.Stage {
	regions := countryRegions(g)
	// The entity refs of a document are read by the scorers and dropped
	// (their strings are parts of doc): their arrays are kept for the next
	// documents, those of a huge one left to the garbage collector.
	kept := &reuse.Slices[topics.EntityRef]{Max: 4096}
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a, err := analysis(doc)
		if err != nil {
			return err
		}
		h := kept.Get()
		refs := appendEntityRefs(*h, doc, regions)
		defer kept.Put(h, refs)
		doc.Topics = doc.Topics[:0]
		if t != nil {
			tps := t.Score(a, refs)
			doc.Topics = slices.Grow(doc.Topics, len(tps))
			for _, tp := range tps {
				doc.Topics = append(doc.Topics, pipeline.Topic{
					ID: tp.ID, Label: tp.Label, LabelAr: tp.LabelAr, Score: pipeline.Score(tp.Score), Evidence: tp.Evidence,
				})
			}
		}
		if m != nil {
			for i, p := range m.PredictWith(a, refs) {
				if i == ModelMaxTopics || p.Score < ModelThreshold {
					break
				}
				ev := m.Explain(a, refs, p.Label)
				if ev == nil {
					ev = []string{}
				}
				doc.Topics = append(doc.Topics, pipeline.Topic{ID: modelIDPrefix + p.Label, Label: p.Label, Score: pipeline.Score(p.Score), Evidence: ev})
			}
		}
		return nil
	})
}

// arabLeague is the gazetteer id whose members are the Arab countries.
const arabLeague = "org:arab-league"

// countryRegions maps the ISO code of every country of g to its region:
// topics.RegionArab for the members of the Arab League (attrs.member_of),
// topics.RegionOther for the others.
func countryRegions(g *gazetteer.Gazetteer) map[string]string {
	out := map[string]string{}
	if g == nil {
		return out
	}
	for _, e := range g.Entries {
		if e.Type != gazetteer.Country {
			continue
		}
		iso, _ := e.Attrs["iso"].(string)
		if iso == "" {
			continue
		}
		region := topics.RegionOther
		if list, ok := e.Attrs["member_of"].([]any); ok && slices.Contains(list, any(arabLeague)) {
			region = topics.RegionArab
		}
		out[iso] = region
	}
	return out
}

// entityRefs lists the document's mentions as topic evidence and
// features: the entity's kind, and its country (a country's iso, another
// entity's attrs.country) with that country's region.
func entityRefs(doc *pipeline.Document, regions map[string]string) []topics.EntityRef {
	return appendEntityRefs(make([]topics.EntityRef, 0, len(doc.Mentions)), doc, regions)
}

// appendEntityRefs appends the entity refs of doc (see entityRefs) to refs.
func appendEntityRefs(refs []topics.EntityRef, doc *pipeline.Document, regions map[string]string) []topics.EntityRef {
	type info struct{ id, kind, country string }
	// A mention finds its entity's info by comparing ids, or through a map
	// when the document has many entities: a few comparisons cost less
	// than making a map.
	var buf [32]info
	infos := buf[:0]
	for _, e := range doc.Entities {
		in := info{id: e.ID, kind: e.Attrs.String("kind"), country: e.Attrs.String("country")}
		if e.Type == pipeline.Country {
			in.country = e.Attrs.String("iso")
		}
		infos = append(infos, in)
	}
	var byID map[string]int
	if len(infos) > len(buf) {
		byID = make(map[string]int, len(infos))
		for k, in := range infos {
			byID[in.id] = k
		}
	}
	refs = slices.Grow(refs, len(doc.Mentions))
	for _, m := range doc.Mentions {
		var in info
		if byID != nil {
			if k, ok := byID[m.Entity]; ok {
				in = infos[k]
			}
		} else {
			for k := len(infos) - 1; k >= 0; k-- { // the last of an id, as the map keeps
				if infos[k].id == m.Entity {
					in = infos[k]
					break
				}
			}
		}
		refs = append(refs, topics.EntityRef{ID: m.Entity, Kind: in.kind, Type: string(m.Type), Name: m.Text,
			Country: in.country, Region: regions[in.country], Start: m.ByteStart, End: m.ByteEnd})
	}
	return refs
}

// Keywords returns the stage that finds the n best keyphrases of an
// analyzed document (keywords.DefaultN when n is 0): doc.Keywords. A
// document whose language is undetermined (langid.Undetermined) gets none:
// without its language's stop words, its function words (la, les, die)
// would rank first.
func Keywords(n int) pipeline.Stage {
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		a, err := analysis(doc)
		if err != nil {
			return err
		}
		doc.Keywords = doc.Keywords[:0]
		if doc.Lang == langid.Undetermined {
			return nil
		}
		var opt keywords.Options
		if doc.Lang == langid.English {
			opt = keywords.Options{English: true, Names: keywordNames(doc.Mentions)}
		}
		kw, err := keywords.ExtractContext(ctx, a, n, opt)
		if err != nil {
			return err
		}
		doc.Keywords = slices.Grow(doc.Keywords, len(kw))
		for _, k := range kw {
			doc.Keywords = append(doc.Keywords, pipeline.Keyword{Text: k.Text, Score: pipeline.Score(k.Score)})
		}
		return nil
	})
}

// keywordNames returns the names of ms (not the demonyms: Kuwaiti stays a
// word of its own) for keywords.Options.Names, keyed by their entity.
func keywordNames(ms []pipeline.Mention) []keywords.Name {
	names := make([]keywords.Name, 0, len(ms))
	for _, m := range ms {
		if m.Form != pipeline.FormAdjective {
			names = append(names, keywords.Name{Start: m.Start, End: m.End, Key: m.Entity})
		}
	}
	return names
}

// TopTopic returns the label a record's topics give doc: the id of its
// first taxonomy topic, or, if model, the label of its first model topic
// (the id without "model:"); "" when there is none. alam eval topics
// scores this, so that it measures what alam extract writes.
func TopTopic(doc *pipeline.Document, model bool) string {
	for _, t := range doc.Topics {
		label, isModel := strings.CutPrefix(t.ID, modelIDPrefix)
		if isModel == model {
			return label
		}
	}
	return ""
}
