package gazetteer

import "github.com/alam-nlp/alam/internal/yamlfile"

// Type is the kind of entity an entry names. The four values are the
// mention types of alam's output.
type Type string

// The entry types.
const (
	Person   Type = "PERSON"
	Country  Type = "COUNTRY"
	Location Type = "LOCATION" // cities, regions, emirates, seas and other places
	Org      Type = "ORG"
)

// types lists the valid types in the order messages name them.
var types = []Type{Person, Country, Location, Org}

// Valid reports whether t is one of Person, Country, Location and Org.
func (t Type) Valid() bool {
	switch t {
	case Person, Country, Location, Org:
		return true
	}
	return false
}

// Entry is one entity of the gazetteer, as written in a gazetteer file
// (see the package documentation for the meaning of each field).
//
// Entries returned by Load and its relatives are valid: ID, Type, Name and
// NameAr are set and checked, Aliases, Demonyms and the Context lists hold
// no empty or repeated strings, and empty lists and maps are nil.
type Entry struct {
	ID       string
	Type     Type
	Name     string // English name
	NameAr   string // Arabic name
	Aliases  []string
	Demonyms []string
	// Attrs maps attribute names to a string, int, float64 or bool, or to
	// a []any of those.
	Attrs   map[string]any
	Context Context
	Pos     Position // where the entry starts in its file, for messages
}

// Context holds the words near a name that decide between the entries
// sharing that name, or between an entry and a common word.
type Context struct {
	Favour  []string // words that favour this entry
	Against []string // words that rule this entry out
}

// Position is a place in a gazetteer file. Line and Col count from 1;
// Col counts Unicode code points. A zero Line means the whole file. Its
// String method returns "file:line:col", or "file:line" if Col is 0, or
// "file" if Line is 0; without a file name, the same without "file:"; and
// "-" for the zero Position.
type Position = yamlfile.Position

// Gazetteer is a set of entries with unique ids, in load order.
//
// Lookup and Counts only read the Gazetteer and are safe for concurrent
// use. Callers may read Entries freely. To change the set of entries,
// build a new Gazetteer with Merge, which also indexes a Gazetteer built
// as a literal (Lookup on a literal works, but scans the entries). Lookup
// on a Gazetteer whose Entries were changed in place never returns an entry
// with another id, but may miss an id that was not there when it was built.
type Gazetteer struct {
	// Entries holds the entries in load order, after merging.
	Entries []Entry

	index   map[string]int // id → position in Entries when built
	indexed int            // len(Entries) when index was built
}

// newGazetteer returns a Gazetteer of entries, indexed by id. When ids
// repeat, the index points at the last entry with the id.
func newGazetteer(entries []Entry) *Gazetteer {
	g := &Gazetteer{Entries: entries, index: make(map[string]int, len(entries)), indexed: len(entries)}
	for i, e := range entries {
		g.index[e.ID] = i
	}
	return g
}

// Lookup returns the entry with the given id. The Entry shares its slices
// and map with g; do not modify them. A nil Gazetteer holds no entries.
func (g *Gazetteer) Lookup(id string) (Entry, bool) {
	if g == nil {
		return Entry{}, false
	}
	if g.index != nil && g.indexed == len(g.Entries) {
		i, ok := g.index[id]
		if !ok {
			return Entry{}, false
		}
		if g.Entries[i].ID == id {
			return g.Entries[i], true
		}
	}
	// No index, or Entries changed since it was built.
	for i := len(g.Entries) - 1; i >= 0; i-- {
		if g.Entries[i].ID == id {
			return g.Entries[i], true
		}
	}
	return Entry{}, false
}

// Counts returns the number of entries of each type. The map has a key
// for each of Person, Country, Location and Org, zero counts included,
// and a key for any other Type found in a Gazetteer built by hand.
func (g *Gazetteer) Counts() map[Type]int {
	counts := make(map[Type]int, len(types))
	for _, t := range types {
		counts[t] = 0
	}
	if g == nil {
		return counts
	}
	for _, e := range g.Entries {
		counts[e.Type]++
	}
	return counts
}
