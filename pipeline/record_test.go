package pipeline

import (
	"bytes"
	"encoding/json"
)

// record is the output shape of a Document, as encoding/json writes it
// from the Document's json tags: its output fields, in the order they are
// written. appendRecord writes the same bytes without reflection;
// reflectRecord, which encodes a record with encoding/json, is what the
// tests hold it to, and TestSchemaMatchesTypes holds this type to the
// schema.
type record struct {
	ID       string          `json:"id"`
	Source   string          `json:"source"`
	Meta     json.RawMessage `json:"meta"`
	Lang     string          `json:"lang"`
	Text     *string         `json:"text,omitempty"`
	Stats    Stats           `json:"stats"`
	Mentions []Mention       `json:"mentions"`
	Entities []Entity        `json:"entities"`
	Topics   []Topic         `json:"topics"`
	Keywords []Keyword       `json:"keywords"`
	Error    *string         `json:"error"`
}

// emptyObject is the meta of a document that came with none.
var emptyObject = json.RawMessage("{}")

func newRecord(doc *Document, opt EncodeOptions) *record {
	rec := &record{
		ID:       doc.ID,
		Source:   doc.Source,
		Meta:     doc.Meta,
		Lang:     doc.Lang,
		Stats:    doc.Stats,
		Mentions: []Mention{},
		Entities: []Entity{},
		Topics:   []Topic{},
		Keywords: []Keyword{},
	}
	if len(rec.Meta) == 0 || jsonKind(rec.Meta) != "object" {
		rec.Meta = emptyObject
	}
	if opt.Text {
		text := doc.Text
		rec.Text = &text
	}
	if doc.Err != nil {
		msg := doc.Err.Error()
		if msg == "" {
			msg = "failed"
		}
		rec.Error = &msg
		return rec
	}
	if doc.Mentions != nil {
		rec.Mentions = doc.Mentions
	}
	if doc.Entities != nil {
		rec.Entities = doc.Entities
	}
	if doc.Topics != nil {
		rec.Topics = doc.Topics
		for i, t := range doc.Topics {
			if t.Evidence == nil {
				// Write [] for nil evidence, on a copy: the document stays
				// as it is.
				rec.Topics = append([]Topic(nil), doc.Topics...)
				for j := i; j < len(rec.Topics); j++ {
					if rec.Topics[j].Evidence == nil {
						rec.Topics[j].Evidence = []string{}
					}
				}
				break
			}
		}
	}
	if doc.Keywords != nil {
		rec.Keywords = doc.Keywords
	}
	return rec
}

// reflectRecord is the record of doc as encoding/json writes it with HTML
// escaping off, indented as writeRecord indents, and a newline.
func reflectRecord(doc *Document, opt EncodeOptions, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(indent, indent)
	}
	err := enc.Encode(newRecord(doc, opt))
	return buf.Bytes(), err
}
