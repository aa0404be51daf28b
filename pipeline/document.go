package pipeline

import "encoding/json"

// Document is one article on its way through the stages, and the result of
// its analysis.
//
// A source creates the Document with ID and Source and one of Path, Raw or
// Text. The Read stage fills Raw from Path, Decode fills Text from Raw, and
// the analysis stages fill Lang, Stats and the result lists. Every offset in
// the results refers to Text, which no stage changes once it is decoded.
//
// A Document belongs to one stage at a time: the runner hands it from stage
// to stage and to the emit callback, and never to two goroutines at once.
type Document struct {
	ID       string // file name without extension (escaped as EscapeName does), or the JSON Lines record's id
	Source   string // where it came from: file path (escaped as EscapeName does), "-" for stdin, "<path>:<line>" for a JSON Lines record
	Path     string // file to read in the Read stage; empty when Raw or Text came with the document
	Raw      []byte // undecoded bytes; Decode fills Text from it and then sets Raw to nil
	Encoding string // encoding name to decode Raw with ("" = detect); Decode sets the one it used
	Text     string // decoded UTF-8 text; every offset in the results refers to it
	// Meta holds the fields of a JSON Lines record other than its id and
	// text, as one JSON object, the fields in the order and spelling they
	// came in; nil for other sources (the record then has "meta": {}).
	Meta     json.RawMessage
	Lang     string // "ar", "en" or "und" (langid); set by analysis
	Stats    Stats
	Mentions []Mention
	Entities []Entity
	Topics   []Topic
	Keywords []Keyword
	Err      error // set when the article failed; the runner skips later stages for it
	Analysis any   // private to the stages (for example the token analysis); never encoded
}

// Entity returns the entity of the document with the given id, or nil when
// it has none. The pointer is into d.Entities.
func (d *Document) Entity(id string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return &d.Entities[i]
		}
	}
	return nil
}

// Stats counts the units of Document.Text.
type Stats struct {
	Chars     int `json:"chars"`     // code points
	Tokens    int `json:"tokens"`    // tokens, as the analysis counts them
	Sentences int `json:"sentences"` // sentences, as the analysis counts them
}

// EntityType is the kind of an entity and of its mentions.
type EntityType string

// The entity types.
const (
	Person   EntityType = "PERSON"
	Country  EntityType = "COUNTRY"
	Location EntityType = "LOCATION" // cities, regions, seas and other places
	Org      EntityType = "ORG"
)

// Form is how a mention names its entity.
type Form string

// The forms of a mention.
const (
	FormName      Form = "name"      // a name: الكويت
	FormAdjective Form = "adjective" // a demonym, the adjective of a country: الكويتي
)

// Source is what found a mention.
type Source string

// The sources of a mention.
const (
	SourceGazetteer Source = "gazetteer" // a name or demonym of the gazetteer
	SourceRule      Source = "rule"      // a rule: a name after a title, a head or a given name
	SourceModel     Source = "model"     // a learned model
)

// Mention is one span of Document.Text that names an entity.
//
// Start and End count code points (what Python's str indexing counts), and
// ByteStart and ByteEnd count bytes (what Go's string indexing counts); both
// pairs delimit the same span, End and ByteEnd exclusive, so
// Text == doc.Text[ByteStart:ByteEnd].
type Mention struct {
	Text string `json:"text"` // the original text under [Start,End)
	// Base is the mention's base form: Text without the clitics before it
	// and with the article that a preceding ل contracted restored
	// (للولايات المتحدة: Text لولايات المتحدة, Base الولايات المتحدة).
	// It is not a substring of Document.Text when the article was restored.
	Base      string     `json:"base"`
	Start     int        `json:"start"`    // code points into Document.Text, inclusive
	End       int        `json:"end"`      // code points into Document.Text, exclusive
	ByteStart int        `json:"-"`        // bytes into Document.Text, inclusive
	ByteEnd   int        `json:"-"`        // bytes into Document.Text, exclusive
	Type      EntityType `json:"type"`     // PERSON, COUNTRY, LOCATION or ORG
	Entity    string     `json:"entity"`   // entity id, for example "country:KW"
	Form      Form       `json:"form"`     // "name", or "adjective" for a demonym
	Sentence  int        `json:"sentence"` // index of the sentence, from 0
	Source    Source     `json:"source"`   // what found it: "gazetteer", "rule" or "model"
	Score     Score      `json:"score"`    // confidence in [0,1]
}

// Entity is one entity named in a document, with the count of its mentions.
type Entity struct {
	ID   string     `json:"id"`   // stable id, for example "country:KW"
	Type EntityType `json:"type"` // PERSON, COUNTRY, LOCATION or ORG
	// Name is the canonical name in English; for an entity that is not in
	// the gazetteer (found by rules), the name as written in its longest
	// mention.
	Name string `json:"name"`
	// NameAr is the canonical name in Arabic; for an entity that is not in
	// the gazetteer, the base form of its longest mention.
	NameAr string `json:"name_ar"`
	Count  int    `json:"count"` // number of mentions in the document
	First  int    `json:"first"` // code point offset of the first mention
	Attrs  Attrs  `json:"attrs"` // attributes from the gazetteer (role, iso, ...); {} when none
}

// Topic is a topic label scored for a document, with the words that gave it.
type Topic struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	LabelAr  string   `json:"label_ar"`
	Score    Score    `json:"score"`
	Evidence []string `json:"evidence"` // written [] when nil
}

// Keyword is a word or phrase that characterizes a document.
type Keyword struct {
	Text  string `json:"text"`
	Score Score  `json:"score"`
}
