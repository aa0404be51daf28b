package extract

import (
	"slices"
	"strings"
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
func (d *doc) base(m *mention, text string) string {
	tok := d.a.Tokens[m.first]
	b, ok := withArticle(d.a.Text[tok.Start:m.Start], text)
	if !ok {
		return text
	}
	if m.entity == noEntity && len(m.cands) == 0 {
		// A name the rules found: a short form of it (لساهر after كاظم
		// الساهر) ends its key.
		if endsWords(strings.Fields(m.key), normWords(d.r.tok, b)) {
			return b
		}
		return text
	}
	for _, c := range d.r.gaz.Lookup(b) {
		if c.Index == m.entity {
			return b
		}
		for _, mc := range m.cands {
			if c.Index == mc.Index {
				return b
			}
		}
	}
	if m.entity != noEntity && d.endsName(m.entity, b) {
		return b // a short form: للحريري, after سعد الحريري
	}
	return text
}

// endsName reports whether the words of s end one of the Arabic names of
// entry i (its name or an alias), as the short form of a person's name
// does: الحريري ends سعد الحريري.
func (d *doc) endsName(i int, s string) bool {
	words := normWords(d.r.tok, s)
	e := &d.r.gaz.Entries()[i]
	for _, name := range append([]string{e.NameAr}, e.Aliases...) {
		if endsWords(normWords(d.r.tok, name), words) {
			return true
		}
	}
	return false
}

// endsWords reports whether words ends name, and is not empty.
func endsWords(name, words []string) bool {
	return len(words) > 0 && len(name) >= len(words) && slices.Equal(name[len(name)-len(words):], words)
}
