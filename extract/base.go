package extract

import (
	"slices"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/entities"
)

// withArticle returns the reading of a mention's text with the article
// restored, when a preceding ل may have contracted it, and reports whether
// there is such a reading. before is the original text of the mention's
// first token before the mention: the proclitics that the mention's offsets
// leave out ("" when the mention starts its token).
//
// The particle ل before the article ال drops the article's alef: ل +
// الولايات is written للولايات, and the mention, proclitic excluded, reads
// لولايات; its base form is الولايات. Whether a ل after ل is the article or
// the name's own first letter (ل + لبنان is written للبنان too) is not
// decided here: the caller asks the gazetteer which reading is a name.
//
// Other proclitics (و ب ف ك and the article itself, as in والإمارات) are
// outside the mention already, so the text is its own base form.
func withArticle(before, text string) (string, bool) {
	if !strings.HasSuffix(before, "ل") || !strings.HasPrefix(text, "ل") {
		return "", false
	}
	return "ا" + text, true
}

// base returns the base form of mention m, whose original text is text:
// text itself, or the reading of withArticle when the gazetteer knows it as
// a name of m's entity (or of one of m's candidates), or as the end of one
// (a short form): لليمن gives اليمن, للبنان gives لبنان, للحريري after سعد
// الحريري gives الحريري.
func (o *outputs) base(a *arabic.Analysis, m *entities.Mention, text string) string {
	tok := a.Tokens[m.FirstToken]
	b, ok := withArticle(a.Text[tok.Start:m.Start], text)
	if !ok {
		return text
	}
	if m.Entry == entities.NoEntry && len(m.Candidates) == 0 {
		// A name the rules found: a short form of it (لساهر after كاظم
		// الساهر) ends its key.
		if endsWords(strings.Fields(m.Key), normWords(b)) {
			return b
		}
		return text
	}
	for _, c := range o.r.Matcher().Lookup(b) {
		if c.Index == m.Entry {
			return b
		}
		for _, mc := range m.Candidates {
			if c.Index == mc.Index {
				return b
			}
		}
	}
	if m.Entry != entities.NoEntry && o.endsName(m.Entry, b) {
		return b // a short form: للحريري, after سعد الحريري
	}
	return text
}

// endsName reports whether the words of s end one of the Arabic names of
// entry i (its name or an alias), as the short form of a person's name
// does: الحريري ends سعد الحريري.
func (o *outputs) endsName(i int, s string) bool {
	words := normWords(s)
	e := &o.r.Entries()[i]
	for _, name := range append([]string{e.NameAr}, e.Aliases...) {
		if endsWords(normWords(name), words) {
			return true
		}
	}
	return false
}

// endsWords reports whether words ends name, and is not empty.
func endsWords(name, words []string) bool {
	return len(words) > 0 && len(name) >= len(words) && slices.Equal(name[len(name)-len(words):], words)
}

// normWords returns the normalized words of s, punctuation left out.
func normWords(s string) []string {
	var out []string
	for _, t := range arabic.Tokenize(s) {
		if t.Norm != "" && t.Kind != arabic.Punct {
			out = append(out, t.Norm)
		}
	}
	return out
}
