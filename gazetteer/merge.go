package gazetteer

import (
	"maps"
	"slices"
)

// Merge returns a new Gazetteer with the entries of gs, in order. An entry
// whose id is already present replaces the earlier entry as a whole (no
// field-by-field merging), in the earlier entry's place: the result lists
// the ids in the order they first appear, each with the content and Pos of
// its last occurrence. Later gazetteers thus add entries and override
// earlier ones without reordering them, which is how a user's files
// combine with Default:
//
//	g := gazetteer.Merge(def, mine) // mine overrides def
//
// Nil gazetteers are skipped. The entries are copied: the result shares no
// slice or map with gs.
func Merge(gs ...*Gazetteer) *Gazetteer {
	lists := make([][]Entry, 0, len(gs))
	for _, g := range gs {
		if g != nil {
			lists = append(lists, g.Entries)
		}
	}
	g := mergeEntries(lists...)
	for i := range g.Entries {
		g.Entries[i] = g.Entries[i].clone()
	}
	return g
}

// mergeEntries merges lists of entries as Merge does, without copying the
// entries' slices and maps.
func mergeEntries(lists ...[]Entry) *Gazetteer {
	n := 0
	for _, list := range lists {
		n += len(list)
	}
	out := make([]Entry, 0, n)
	index := make(map[string]int, n)
	for _, list := range lists {
		for _, e := range list {
			if i, ok := index[e.ID]; ok {
				out[i] = e
				continue
			}
			index[e.ID] = len(out)
			out = append(out, e)
		}
	}
	return &Gazetteer{Entries: out, index: index, indexed: len(out)}
}

// clone returns a deep copy of e.
func (e Entry) clone() Entry {
	e.Aliases = slices.Clone(e.Aliases)
	e.Demonyms = slices.Clone(e.Demonyms)
	e.Context.Favour = slices.Clone(e.Context.Favour)
	e.Context.Against = slices.Clone(e.Context.Against)
	if e.Attrs != nil {
		attrs := maps.Clone(e.Attrs)
		for k, v := range attrs {
			if list, ok := v.([]any); ok {
				attrs[k] = slices.Clone(list)
			}
		}
		e.Attrs = attrs
	}
	return e
}
