package entities

import (
	"strings"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
)

// NoEntry is the Entry of a mention whose entity is not in the gazetteer.
const NoEntry = -1

// Mention is a name found in an analysis.
type Mention struct {
	// Offsets locate the name in the analysed text; a leading clitic
	// stays outside (للتحالف gives لتحالف).
	arabic.Offsets
	// FirstToken and EndToken delimit the tokens the name spans:
	// tokens[FirstToken:EndToken]. The first may hold the clitics that the
	// Offsets leave out.
	FirstToken, EndToken int
	Type                 gazetteer.Type
	Form                 gazetteer.Form
	Source               pipeline.Source // pipeline.SourceGazetteer or pipeline.SourceRule
	Score                float64         // confidence in [0, 1]
	// Entry is the mention's entry, an index into the matcher's Entries,
	// or NoEntry.
	Entry int
	// Key is the normalized name, words joined by a space, that makes the
	// id of an entity that is not in the gazetteer (see EntityID).
	Key string
	// Candidates are the entries a gazetteer name may denote (see
	// gazetteer.Match); nil for a rule's name.
	Candidates []gazetteer.Candidate
}

// Scores of the mentions by how they were found, and the limits of the
// rules.
const (
	scoreGazetteer = 1.0 // an unambiguous gazetteer name
	scoreResolved  = 0.8 // an ambiguous gazetteer name decided by context
	scoreUndecided = 0.5 // an ambiguous gazetteer name whose entries share a type, none chosen
	scoreTitle     = 0.7 // a name after a title, an organization or a place after its head
	scoreGiven     = 0.5 // a name that starts with a known given name
	scoreShortForm = 0.9 // a short form of a name met earlier, times the name's score

	maxNameWords  = 4 // words of a person's name, connectors aside
	maxComplement = 4 // words after an organization's head
	maxFillers    = 8 // words skipped between a title and a name
	minNameRunes  = 2 // no name word is shorter

	noEntity = NoEntry
	noMatch  = -1 // a token covered by no gazetteer match
	typeNone = "" // no type
)

// mention is a candidate mention while an article's mentions are worked
// out.
type mention struct {
	arabic.Offsets
	first, end int // tokens[first:end]
	typ        gazetteer.Type
	form       gazetteer.Form
	source     pipeline.Source
	score      float64
	// For gazetteer names: the candidates and the one chosen (an index into
	// the matcher's entries), or noEntity.
	cands  []gazetteer.Candidate
	entity int
	// For rule names: the normalized name, which makes the entity id.
	key string
}

func (m *mention) runes() int { return m.RuneEnd - m.RuneStart }

// public returns m as a Mention.
func (m *mention) public() Mention {
	return Mention{
		Offsets: m.Offsets, FirstToken: m.first, EndToken: m.end, Type: m.typ, Form: m.form,
		Source: m.source, Score: m.score, Entry: m.entity, Key: m.key, Candidates: m.cands,
	}
}

// stems returns the clitic readings of token k (all of them: see
// lexeme.readings), the whole token first, with offsets relative to the
// token's start (see at). Readings that remove the article are left out: a
// title, a head or a given name keeps it (التحالف is not the head تحالف).
func (d article) stems(k int) []arabic.Segmentation { return d.lex[k].readings }

// at returns the offsets of reading seg of token k in the text.
func (d article) at(k int, seg arabic.Segmentation) arabic.Offsets {
	t := d.a.Tokens[k]
	return arabic.Offsets{
		Start: t.Start + seg.Start, End: t.Start + seg.End,
		RuneStart: t.RuneStart + seg.RuneStart, RuneEnd: t.RuneStart + seg.RuneEnd,
	}
}

func (s set) has(w string) bool { return s[w] }

// isWord reports whether token k is an Arabic word.
func (d article) isWord(k int) bool { return d.a.Tokens[k].Kind == arabic.Word }

// gazType returns the type of the gazetteer match covering token k, or "".
func (g gazNames) gazType(k int) gazetteer.Type {
	if i := g.covered[k]; i != noMatch && len(g.matches[i].Candidates) > 0 {
		return g.matches[i].Candidates[0].Entry.Type
	}
	return typeNone
}

// definite reports whether the normalized word w carries the article,
// after an optional conjunction and particle: الخارجية، والشؤون،
// للدبلوماسية، بالكويت.
func definite(w string) bool {
	w = strings.TrimPrefix(w, "و")
	if strings.HasPrefix(w, "ال") {
		return true
	}
	for _, p := range []string{"ب", "ل", "ك", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			return strings.HasPrefix(rest, "ال") || p == "ل" && strings.HasPrefix(rest, "ل")
		}
	}
	return false
}

// wordClass says whether a word can be part of a person's name.
type wordClass uint8

const (
	notName   wordClass = iota // a common word, a title, a place …
	knownName                  // a given name, or a word of a gazetteer person's name
	connector                  // بن، أبو، آل …: inside a name only
	maybeName                  // unknown: a foreign or rare name, or a word no list knows
)

// isCommon reports whether w is a word that is not a name: a stop word, a
// common word, a title, a head, a filler or a stop of the rules.
func (rr *rules) isCommon(w string) bool {
	return rr.common[w] || rr.stops[w] || rr.fillers[w] || rr.titles[w] != nil || rr.orgHeads[w] ||
		rr.placeHeads[w] != nil || arabic.IsStopWord(w)
}

// futureVerb reports whether w looks like a verb with the future prefix
// س: ستزور، سيقول، سنعمل. ستا and ستي begin foreign names far more often
// than verbs (ستالين، ستيفن، ستينغل) and are left out.
func futureVerb(w string) bool {
	if strings.HasPrefix(w, "ستا") || strings.HasPrefix(w, "ستي") {
		return false
	}
	return utf8.RuneCountInString(w) >= 4 &&
		(strings.HasPrefix(w, "ست") || strings.HasPrefix(w, "سي") || strings.HasPrefix(w, "سن"))
}

// personName returns the end of the person's name that starts at token k,
// or k when none does: two to four name words, with connectors between
// them. After a title the first word may be unknown to the lists (a
// foreign name); otherwise it must be a known given name.
func (d nameFinder) personName(k, end int, afterTitle bool) int {
	if k >= end {
		return k
	}
	// A given name may look definite (اليكس، فاليانتسين، واليكس).
	if l := d.lex[k]; l.has(lexDefinite) && !l.has(lexGivenAfterWa) {
		return k
	}
	// A kunya starts a name: أبو أيوب المصري, أبو خالد.
	if d.isKunya(k) && k+1 < end {
		if c := d.class(k + 1); c == knownName || c == maybeName && afterTitle {
			if e := d.personName(k+1, end, true); e > k+1 {
				return e
			}
			return k + 2
		}
		return k
	}
	switch d.class(k) {
	case knownName:
	case maybeName:
		// An unknown word starts a name only right after a title, and
		// not with the conjunction و (والي، ووزير are not names).
		if !afterTitle || strings.HasPrefix(d.a.Tokens[k].Norm, "و") {
			return k
		}
	default:
		return k
	}
	words, last := 1, k+1
	afterConnector := false
	for j := k + 1; j < end && words < maxNameWords; j++ {
		c := d.class(j)
		if c == connector {
			afterConnector = true
			continue
		}
		// علي after a word no list knows as a name is the preposition
		// على written with ي (كافلنيكوف علي السويدي), not the name Ali;
		// after a given name it is the name (محمد علي كلاي).
		if d.a.Tokens[j].Norm == "علي" && d.class(j-1) == maybeName {
			break
		}
		// An unknown word with a pronoun suffix ends the name: إيغور
		// كونيتسين بتغلبه.
		if c == maybeName && d.lex[j].has(lexPronounSuffix) {
			break
		}
		// و before a word that is not itself a known name is the
		// conjunction, and the next name starts there: حمزة ومصطفى جعفر
		// is two people, وليد is a name.
		if d.conjoined(j) {
			break
		}
		// After بن or آل comes a name, even one that is also a word
		// (بن سلمان) or a longer stop word (آل ثاني), but not a particle
		// (ابن في).
		if c == notName && !(afterConnector && d.afterConnector(j)) {
			break
		}
		afterConnector = false
		words++
		last = j + 1
	}
	if words < 2 {
		return k
	}
	return last
}

// isKunya reports whether token k is أبو, which starts a kunya (أبو
// أيوب) as well as joining names, in any of its cases (أبي، أبا), and
// أبو after a proclitic و، ف، ب or ل (وأبو عبد الله) or أبي after ل
// (لأبي خليل القباني). Other proclitic readings are mostly other words:
// بابا a door or the pope, بابي my door.
func (d article) isKunya(k int) bool {
	_, ok := d.kunyaProclitic(k)
	return ok
}

// kunyaProclitic returns the bytes of the proclitic before the kunya word
// of token k (0 for none), and whether token k is a kunya word.
func (d article) kunyaProclitic(k int) (int, bool) {
	n := d.a.Tokens[k].Norm // normalized: أ is ا
	switch n {
	case "ابو", "ابي", "ابا":
		return 0, true
	}
	if len(n) != len("وابو") {
		return 0, false
	}
	switch p, rest := n[:len("و")], n[len("و"):]; {
	case rest == "ابو" && strings.Contains("وفبل", p), rest == "ابي" && p == "ل":
		return len(p), true
	}
	return 0, false
}

// afterConnector reports whether token k, right after a connector (بن،
// آل، أبو), can be a word of the name although no list knows it as one:
// an Arabic word that is not a short stop word.
func (d article) afterConnector(k int) bool { return d.lex[k].has(lexAfterConnector) }

// conjoined reports whether token k starts with the conjunction و rather
// than being a name that starts with that letter (وليد، وائل): the whole
// word is not a given name or a word of a gazetteer person's name.
func (d article) conjoined(k int) bool { return d.lex[k].has(lexConjoined) }

// phraseAt returns the number of tokens of the longest phrase of p that
// starts at token k (in one of its clitic readings) and ends by end, or 0.
// f is the lexeme's flag of p (lexTitleReading, lexPlaceHeadReading):
// without it no reading starts a phrase.
func (d article) phraseAt(p phrases, f lexFlag, k, end int) int {
	if !d.lex[k].has(f) {
		return 0
	}
	for _, seg := range d.stems(k) {
		if n := p.match(seg.Stem, d.a, k, end); n > 0 {
			return n
		}
	}
	return 0
}

// titlePersons finds people named after a title or role.
func (d nameFinder) titlePersons(s arabic.Sentence, out []mention) []mention {
	rr := d.r.rules
	for k := s.FirstToken; k < s.EndToken; k++ {
		if !d.isWord(k) {
			continue
		}
		n := d.phraseAt(rr.titles, lexTitleReading, k, s.EndToken)
		score := scoreTitle
		if n == 0 && d.isAdjective(k) && d.lex[k].has(lexArticleAfterWa) {
			// A demonym before a name, as a weaker title: البرازيلي
			// جيلبرتو سيلفا، والألماني غونتر غراس.
			n, score = 1, scoreGiven
		}
		if n == 0 {
			continue
		}
		j := k + n
		// د. محمد: the period of an abbreviated title.
		if j < s.EndToken && d.a.Tokens[j].Norm == "." && d.a.Tokens[j].Start == d.a.Tokens[j-1].End {
			j++
		}
		// Skip what qualifies the title: السابق، الأميركي، للشؤون الخارجية، في دولة الإمارات …
		for f := 0; j < s.EndToken && f < maxFillers; f++ {
			l := d.lex[j]
			typ := d.gazType(j)
			orgRule := d.inOrg[j]
			if l.has(lexFiller) || orgRule || l.has(lexDefinite) && typ != gazetteer.Person || typ != typeNone && typ != gazetteer.Person {
				j++
				continue
			}
			break
		}
		if j >= s.EndToken || d.gazType(j) == gazetteer.Person {
			continue // the gazetteer knows the person
		}
		if e := d.personName(j, s.EndToken, true); e > j {
			out = append(out, d.ruleMention(j, e, gazetteer.Person, score))
			k = e - 1
		} else if score == scoreTitle && d.singleName(j) {
			// الرئيس مبارك، الملك حمد: one known name word.
			out = append(out, d.ruleMention(j, j+1, gazetteer.Person, score))
			k = j
		}
	}
	return out
}

// singleName reports whether token k alone can be a person's name after a
// title: a word of a gazetteer person's name or an unambiguous given name,
// without the article or a proclitic, and not followed by more name words
// (personName takes those).
func (d nameFinder) singleName(k int) bool {
	l := d.lex[k]
	if d.class(k) != knownName || l.has(lexDefinite|lexCompoundTail) {
		return false
	}
	return l.has(lexSingleName)
}

// givenPersons finds names that start with a known given name and have no
// title before them.
func (d nameFinder) givenPersons(s arabic.Sentence, out []mention) []mention {
	rr := d.r.rules
	for k := s.FirstToken; k < s.EndToken; k++ {
		if !d.isWord(k) || d.covered[k] != noMatch {
			continue
		}
		start := -1
		if d.isKunya(k) && k+1 < s.EndToken && d.covered[k+1] == noMatch {
			start = k // أبو أيوب: personName reads the kunya
		}
		if d.lex[k].has(lexGivenReading) {
			start = k
		}
		if start < 0 {
			continue
		}
		if e := d.personName(k, s.EndToken, false); e > k {
			m := d.ruleMention(k, e, gazetteer.Person, scoreGiven)
			procl := ""
			// A proclitic before the given name stays outside.
			if segs := d.stems(k); len(segs) > 1 && !rr.given[segs[0].Stem] {
				for _, seg := range segs[1:] {
					if rr.given[seg.Stem] {
						at := d.at(k, seg)
						m.Start, m.RuneStart = at.Start, at.RuneStart
						procl = seg.Proclitics
						break
					}
				}
			}
			if n, _ := d.kunyaProclitic(k); n > 0 {
				// لأبي خليل: the proclitic stays outside (rule 1).
				procl = d.a.Tokens[k].Norm[:n]
				m.Start += n
				m.RuneStart++
			}
			m.key = d.key(k, e, procl)
			out = append(out, m)
			k = e - 1
		}
	}
	return out
}

// speakers finds people named right after a verb of saying (قال عزام،
// وأضاف بيرنز، أجاب سيرغي ستانيشيف): the words a title would allow, or one
// word no list knows as anything but a name. A title after the verb is
// left to titlePersons.
func (d nameFinder) speakers(s arabic.Sentence, out []mention) []mention {
	for k := s.FirstToken; k+1 < s.EndToken; k++ {
		if !d.isWord(k) || !d.lex[k].has(lexSpeechVerb) {
			continue
		}
		j := k + 1
		if !d.isWord(j) || d.covered[j] != noMatch || d.lex[j].has(lexDefinite) || d.conjoined(j) {
			continue
		}
		// علي after a verb is mostly the preposition على written with ي
		// (شدد علي ضرورة), not the name.
		if c := d.class(j); c != knownName && c != maybeName || d.a.Tokens[j].Norm == "علي" || d.lex[j].has(lexPronounSuffix) {
			continue
		}
		e := d.personName(j, s.EndToken, true)
		if e == j {
			e = j + 1
		}
		out = append(out, d.ruleMention(j, e, gazetteer.Person, scoreGiven))
		k = e - 1
	}
	return out
}

// pronounSuffix reports whether the word w ends, as written, in a pronoun
// suffix with ه (إسلامه، تابعها، قومهم): a noun or verb with its object,
// which an unknown name word seldom is. A taa marbuta (ة) is not ه here,
// and neither is the ending يه of French names (ديدييه، أوليفييه).
func pronounSuffix(w string) bool {
	n := utf8.RuneCountInString(w)
	switch {
	case strings.HasSuffix(w, "يه"):
		return false
	case strings.HasSuffix(w, "ه"):
		return n >= 4 // قومه, not طه
	}
	// ها، هم، هما، هن after three letters or more: تابعها, not ساها.
	for _, p := range []string{"ها", "هم", "هما", "هن"} {
		if strings.HasSuffix(w, p) {
			return n >= 5
		}
	}
	return false
}

// orgs finds organizations named by a head and its complement: وزارة
// الخارجية الكويتية، مجلس الأمن الدولي، حزب الله.
func (d orgFinder) orgs(s arabic.Sentence, out []mention) []mention {
	rr := d.r.rules
	for k := s.FirstToken; k < s.EndToken; k++ {
		if !d.isWord(k) {
			continue
		}
		var head *arabic.Segmentation
		if d.lex[k].has(lexOrgHeadReading) {
			segs := d.stems(k)
			for i, seg := range segs {
				if rr.orgHeads[seg.Stem] {
					head = &segs[i]
					break
				}
			}
		}
		if head == nil || d.startsOrg(k) {
			// مجلس الأمن، حزب الله: the gazetteer's name starts with the
			// head; the rule would only run past its end.
			continue
		}
		headAt := d.at(k, *head)
		start, runeStart := headAt.Start, headAt.RuneStart
		j := k + 1
		if e := d.orgNameAt(j); e > 0 {
			// قناة الجزيرة، صحيفة الأهرام: the gazetteer's name of an
			// organization is the whole complement.
			j = e
		} else {
			for n := 0; j < s.EndToken && n < maxComplement && d.complement(j, n); n++ {
				j++
			}
		}
		if j == k+1 || d.isOneOrg(k+1, j) {
			continue // no complement; or تنظيم داعش، حركة حماس: the name is the gazetteer's
		}
		if j == k+2 && d.isAdjective(k+1) {
			continue // شركة إماراتية، قوات إثيوبية: a description, not a name
		}
		m := d.ruleMention(k, j, gazetteer.Org, scoreTitle)
		m.Start, m.RuneStart = start, runeStart
		m.key = d.key(k, j, head.Proclitics)
		if rr.orgGeneric[m.key] {
			continue // مجلس الوزراء: which one?
		}
		out = append(out, m)
		k = j - 1
	}
	return out
}

// startsOrg reports whether a gazetteer name that may denote an
// organization starts at token k, after any proclitic.
func (g gazNames) startsOrg(k int) bool {
	i := g.covered[k]
	if i == noMatch || g.matches[i].FirstToken != k {
		return false
	}
	for _, c := range g.matches[i].Candidates {
		if c.Entry.Type == gazetteer.Org {
			return true
		}
	}
	return false
}

// orgNameAt returns the end token of the gazetteer name that starts at
// token k without a proclitic and may denote an organization, or 0.
func (g gazNames) orgNameAt(k int) int {
	if k >= len(g.covered) || g.covered[k] == noMatch {
		return 0
	}
	m := g.matches[g.covered[k]]
	if m.FirstToken != k || m.Proclitics != "" {
		return 0
	}
	for _, c := range m.Candidates {
		if c.Entry.Type == gazetteer.Org {
			return m.EndToken
		}
	}
	return 0
}

// isOneOrg reports whether tokens [from, to) are exactly one gazetteer
// name of an organization.
func (g gazNames) isOneOrg(from, to int) bool {
	i := g.covered[from]
	if i == noMatch {
		return false
	}
	m := g.matches[i]
	return m.FirstToken == from && m.EndToken == to && m.Proclitics == "" && g.gazType(from) == gazetteer.Org
}

// complement reports whether token j can be word n (from 0) of the
// complement of an organization's head: a word with the article (after و
// only as the second word: وزارة الاقتصاد والتجارة), a gazetteer name
// without a proclitic, or a Latin word.
func (d orgFinder) complement(j, n int) bool {
	t := d.a.Tokens[j]
	l := d.lex[j]
	if t.Kind == arabic.Latin {
		return true
	}
	if t.Kind != arabic.Word || l.has(lexNameStop|lexFiller|lexTitle|lexStop) {
		return false
	}
	if typ := d.gazType(j); typ != typeNone && typ != gazetteer.Person {
		m := d.matches[d.covered[j]]
		return m.Proclitics == "" || m.Proclitics == "ل" && n > 0
	}
	switch {
	case l.has(lexCommon):
		return false // القى، التقى: a verb, not a word with the article
	case strings.HasPrefix(t.Norm, "ال"):
		return true
	case strings.HasPrefix(t.Norm, "وال"):
		return n == 1
	case strings.HasPrefix(t.Norm, "لل"):
		return n > 0 // وزارة الدولة للشؤون الخارجية
	}
	return false
}

// places finds places named after a head: مدينة الموصل → الموصل.
func (d nameFinder) places(s arabic.Sentence, out []mention) []mention {
	rr := d.r.rules
	for k := s.FirstToken; k < s.EndToken; k++ {
		if !d.isWord(k) {
			continue
		}
		n := d.phraseAt(rr.placeHeads, lexPlaceHeadReading, k, s.EndToken)
		if n == 0 {
			continue
		}
		j := k + n
		// العاصمة الأردنية عمان: skip a demonym or two.
		for f := 0; f < 2 && j < s.EndToken && d.isAdjective(j); f++ {
			j++
		}
		if j >= s.EndToken || !d.isWord(j) {
			continue
		}
		l := d.lex[j]
		// A common word after the head is not a name: منطقة التجارة الحرة.
		if l.has(lexCommonish|lexCommonBare) || l.runes < minNameRunes {
			continue
		}
		e := j + 1
		// بيت لحم، دير الزور، خان يونس: a first element takes the next
		// word, which is often a common word on its own (بيت أمر).
		if l.has(lexPlacePrefix) && e < s.EndToken && d.isWord(e) {
			if !d.lex[e].has(lexStop | lexNameStop | lexFuture) {
				e++
			}
		}
		out = append(out, d.ruleMention(j, e, gazetteer.Location, scoreTitle))
		k = e - 1
	}
	return out
}

// isAdjective reports whether a gazetteer demonym covers token k.
func (g gazNames) isAdjective(k int) bool {
	i := g.covered[k]
	return i != noMatch && len(g.matches[i].Candidates) > 0 && g.matches[i].Candidates[0].Form == gazetteer.FormAdjective
}

// ruleMention returns a mention found by a rule over tokens [first, end).
func (d article) ruleMention(first, end int, typ gazetteer.Type, score float64) mention {
	a, b := d.a.Tokens[first], d.a.Tokens[end-1]
	m := mention{
		Offsets: arabic.Offsets{Start: a.Start, End: b.End, RuneStart: a.RuneStart, RuneEnd: b.RuneEnd},
		first:   first, end: end,
		typ: typ, form: gazetteer.FormName, source: pipeline.SourceRule, score: score, entity: noEntity,
	}
	m.key = d.key(first, end, "")
	return m
}

// key returns the normalized words of tokens [first, end), the first one
// without the proclitics procl, joined by a space: the key of a rule
// entity. They are the words that tokenizing the original text under the
// mention would give, punctuation left out.
func (d article) key(first, end int, procl string) string {
	d.scr.words = d.words(d.scr.words[:0], first, end, procl)
	switch len(d.scr.words) {
	case 0:
		return ""
	case 1:
		return d.scr.words[0]
	}
	// Joined in a reused buffer: a key of several words is made into a
	// string once an article, however often its tokens are met.
	b := d.scr.keyBuf[:0]
	for i, w := range d.scr.words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	d.scr.keyBuf = b
	if k, ok := d.scr.keys[string(b)]; ok {
		return k
	}
	if d.scr.keys == nil {
		d.scr.keys = make(map[string]string)
	}
	k := string(b)
	d.scr.keys[k] = k
	return k
}

// words appends the normalized words of tokens [first, end) to dst, the
// first one without the proclitics procl, punctuation left out.
func (d article) words(dst []string, first, end int, procl string) []string {
	for k := first; k < end; k++ {
		t := &d.a.Tokens[k]
		w := t.Norm
		if k == first {
			w = w[len(procl):]
		}
		if w != "" && t.Kind != arabic.Punct {
			dst = append(dst, w)
		}
	}
	return dst
}
