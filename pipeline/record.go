package pipeline

import (
	"math"
	"strconv"
)

// record is the output shape of a Document; the field order here is the
// field order of the output.
type record struct {
	ID       string          `json:"id"`
	Source   string          `json:"source"`
	Lang     string          `json:"lang"`
	Text     *string         `json:"text,omitempty"`
	Stats    Stats           `json:"stats"`
	Mentions []mentionRecord `json:"mentions"`
	Entities []Entity        `json:"entities"`
	Topics   []topicRecord   `json:"topics"`
	Keywords []keywordRecord `json:"keywords"`
	Error    string          `json:"error,omitempty"`
}

type mentionRecord struct {
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Type     string `json:"type"`
	Entity   string `json:"entity"`
	Form     string `json:"form"`
	Sentence int    `json:"sentence"`
	Source   string `json:"source"`
	Score    score  `json:"score"`
}

type topicRecord struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	LabelAr  string   `json:"label_ar"`
	Score    score    `json:"score"`
	Evidence []string `json:"evidence"`
}

type keywordRecord struct {
	Text  string `json:"text"`
	Score score  `json:"score"`
}

// score is a float64 written rounded to 4 decimals, without an exponent;
// NaN and infinities are written as 0.
type score float64

func (s score) MarshalJSON() ([]byte, error) {
	f := float64(s)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	f = math.Round(f*1e4) / 1e4
	if f == 0 {
		f = 0 // no "-0"
	}
	return strconv.AppendFloat(nil, f, 'f', -1, 64), nil
}

func newRecord(doc *Document, opt EncodeOptions) *record {
	rec := &record{
		ID:       doc.ID,
		Source:   doc.Source,
		Lang:     doc.Lang,
		Stats:    doc.Stats,
		Mentions: []mentionRecord{},
		Entities: []Entity{},
		Topics:   []topicRecord{},
		Keywords: []keywordRecord{},
	}
	if opt.Text {
		text := doc.Text
		rec.Text = &text
	}
	if doc.Err != nil {
		rec.Error = doc.Err.Error()
		if rec.Error == "" {
			rec.Error = "failed"
		}
		return rec
	}
	for _, m := range doc.Mentions {
		rec.Mentions = append(rec.Mentions, mentionRecord{
			Text: m.Text, Start: m.Start, End: m.End, Type: m.Type, Entity: m.Entity,
			Form: m.Form, Sentence: m.Sentence, Source: m.Source, Score: score(m.Score),
		})
	}
	rec.Entities = append(rec.Entities, doc.Entities...)
	for _, t := range doc.Topics {
		ev := t.Evidence
		if ev == nil {
			ev = []string{}
		}
		rec.Topics = append(rec.Topics, topicRecord{
			ID: t.ID, Label: t.Label, LabelAr: t.LabelAr, Score: score(t.Score), Evidence: ev,
		})
	}
	for _, k := range doc.Keywords {
		rec.Keywords = append(rec.Keywords, keywordRecord{Text: k.Text, Score: score(k.Score)})
	}
	return rec
}
