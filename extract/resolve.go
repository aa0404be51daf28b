package extract

import (
	"sync"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// outputs turns the mentions of a recognizer into the output's mentions
// and entities. It is immutable and safe for concurrent use.
type outputs struct {
	r *entities.Recognizer
	// attrs are the attributes of the entries, by index, each made the
	// first time an entity of its entry is output (a run meets a few
	// hundred of the default gazetteer's 5,158 entries: making them all
	// cost start-up 2–7 ms) and shared by the entities of every document
	// after, which cannot change them.
	attrs []entryAttrs
}

// entryAttrs are the attributes of one entry, made once.
type entryAttrs struct {
	once  sync.Once
	attrs pipeline.Attrs
}

func newOutputs(r *entities.Recognizer) *outputs {
	return &outputs{r: r, attrs: make([]entryAttrs, len(r.Entries()))}
}

// entryAttrs returns the attributes of entry i.
func (o *outputs) entryAttrs(i int) pipeline.Attrs {
	a := &o.attrs[i]
	a.once.Do(func() { a.attrs = pipeline.NewAttrs(o.r.Entries()[i].Attrs) })
	return a.attrs
}

// output turns the mentions found in a into the output's mentions and
// entities.
func (o *outputs) output(a *arabic.Analysis, chosen []entities.Mention) ([]pipeline.Mention, []pipeline.Entity) {
	mentions := make([]pipeline.Mention, 0, len(chosen))
	// At most one entity a mention: made once at that size (nil for none).
	var ents []pipeline.Entity
	if len(chosen) > 0 {
		ents = make([]pipeline.Entity, 0, len(chosen))
	}
	// An entity is found by comparing ids while there are few (a map
	// costs more to make than a few comparisons), through index after.
	var index map[string]int
	// The id of a rule's entity is looked up from a buffer on the stack
	// and made a string only for a new entity (a gazetteer entry's id is
	// the entry's own string).
	var idBuf [64]byte
	for i := range chosen {
		m := &chosen[i]
		var id string
		if m.Entry != entities.NoEntry {
			id = o.r.EntityID(m)
		} else {
			b := o.r.AppendEntityID(idBuf[:0], m)
			if k, ok := entityIndexBytes(ents, index, b); ok {
				id = ents[k].ID
			} else {
				id = string(b)
			}
		}
		text := a.Text[m.Start:m.End]
		base := o.base(a, m, text)
		typ := pipeline.EntityType(m.Type)
		mentions = append(mentions, pipeline.Mention{
			Text: text, Base: base, Start: m.RuneStart, End: m.RuneEnd, ByteStart: m.Start, ByteEnd: m.End,
			Type: typ, Entity: id, Form: pipeline.Form(m.Form.String()), Sentence: a.SentenceOf(m.FirstToken),
			Source: m.Source, Score: pipeline.Score(m.Score),
		})
		k, ok := entityIndex(ents, index, id)
		if !ok {
			k = len(ents)
			if index != nil {
				index[id] = k
			} else if k == maxScanned {
				index = make(map[string]int, len(chosen))
				for j := range ents {
					index[ents[j].ID] = j
				}
				index[id] = k
			}
			e := pipeline.Entity{ID: id, Type: typ, First: m.RuneStart}
			if m.Entry != entities.NoEntry {
				entry := &o.r.Entries()[m.Entry]
				e.Name, e.NameAr, e.Attrs = entry.Name, entry.NameAr, o.entryAttrs(m.Entry)
			}
			ents = append(ents, e)
		}
		e := &ents[k]
		e.Count++
		if m.Entry == entities.NoEntry && m.Form == gazetteer.FormName && utf8.RuneCountInString(text) > utf8.RuneCountInString(e.Name) {
			e.Name, e.NameAr = text, base // the longest form a rule found
		}
	}
	return mentions, ents
}

// maxScanned is the number of entities output compares ids with before it
// makes a map of them.
const maxScanned = 32

// entityIndex returns the index of entity id in ents: through index when
// it is not nil, else by comparing ids (the ids of ents are distinct).
func entityIndex(ents []pipeline.Entity, index map[string]int, id string) (int, bool) {
	if index != nil {
		k, ok := index[id]
		return k, ok
	}
	for k := range ents {
		if ents[k].ID == id {
			return k, true
		}
	}
	return 0, false
}

// entityIndexBytes is entityIndex for an id held in a buffer.
func entityIndexBytes(ents []pipeline.Entity, index map[string]int, id []byte) (int, bool) {
	if index != nil {
		k, ok := index[string(id)]
		return k, ok
	}
	for k := range ents {
		if ents[k].ID == string(id) {
			return k, true
		}
	}
	return 0, false
}
