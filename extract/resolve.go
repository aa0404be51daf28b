package extract

import (
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// output turns the mentions that r found in a into the output's mentions
// and entities.
func output(r *entities.Recognizer, a *arabic.Analysis, chosen []entities.Mention) ([]pipeline.Mention, []pipeline.Entity) {
	mentions := make([]pipeline.Mention, 0, len(chosen))
	var ents []pipeline.Entity
	index := map[string]int{}
	for i := range chosen {
		m := &chosen[i]
		id := r.EntityID(m)
		text := a.Text[m.Start:m.End]
		mentions = append(mentions, pipeline.Mention{
			Text: text, Start: m.RuneStart, End: m.RuneEnd, ByteStart: m.Start, ByteEnd: m.End,
			Type: string(m.Type), Entity: id, Form: m.Form.String(), Sentence: a.SentenceOf(m.FirstToken),
			Source: m.Source, Score: m.Score,
		})
		k, ok := index[id]
		if !ok {
			k = len(ents)
			index[id] = k
			e := pipeline.Entity{ID: id, Type: string(m.Type), First: m.RuneStart}
			if m.Entry != entities.NoEntry {
				entry := &r.Entries()[m.Entry]
				e.Name, e.NameAr, e.Attrs = entry.Name, entry.NameAr, entry.Attrs
			}
			ents = append(ents, e)
		}
		e := &ents[k]
		e.Count++
		if m.Entry == entities.NoEntry && m.Form == gazetteer.FormName && utf8.RuneCountInString(text) > utf8.RuneCountInString(e.NameAr) {
			e.NameAr = text // the longest form a rule found
		}
	}
	return mentions, ents
}
