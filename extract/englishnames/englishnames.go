// Package englishnames finds the names of people and organizations in the
// Latin-script words of an analysis (English articles, and English names
// inside Arabic ones) that the gazetteer does not list, from the words
// around them: titles and roles before a name (President, Foreign
// Minister, Sheikh, Gen., Mr.), verbs of saying, and the heads of
// organizations (Ministry of, Council, University, Bank, Corp., Inc.). A
// person's last name after the full name is the same person (Allen after
// John Allen). It also drops gazetteer names matched in Latin script whose
// case does not fit a name ("us" is not the US).
package englishnames

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/extract/entities"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/internal/reuse"
	"github.com/alam-nlp/alam/pipeline"
)

// Scores of the names found here, below the gazetteer's 1.0.
const (
	scoreTitle = 0.7 // a name after a title, an organization with its head
	scoreSaid  = 0.6 // a name of two words or more next to a verb of saying
	scoreShort = 0.7 // a last name after its full name
	scoreGiven = 0.6 // a name of two words or more that starts with a given name
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// The word lists, lower case, written for alam.
var (
	// titles are the words of titles and roles that may stand right
	// before a person's name.
	titles = wordSet(`president vice minister premier chancellor sheikh sheik shaikh gen general mr mrs ms miss dr
		king queen prince princess emir amir sultan crown secretary ambassador envoy senator sen rep representative
		gov governor col colonel lt lieutenant maj major adm admiral commander cmdr capt captain sgt sergeant
		spokesman spokeswoman spokesperson judge justice pope imam ayatollah cleric mufti leader chief chairman
		chairwoman director minister deputy mayor professor prof lord lady sir brig brigadier marshal field
		rev reverend father speaker mp diplomat official commissioner coordinator negotiator analyst editor
		correspondent reporter founder ceo executive head counterpart
		coach manager striker midfielder defender goalkeeper keeper forward winger captain substitute teammate
		player skipper driver champion`)
	// weakTitles are title words that are also adjectives of a name
	// (GNU General Public License, Chief Executive Officer): inside a run
	// of capitalized words they are a title only first, after another
	// title word (Secretary General), or abbreviated (Gen.).
	weakTitles = wordSet(`general major chief executive head field justice father lord lady official leader director
		founder deputy vice prime leader first`)
	// titleComplements may follow a title word and "of" ("Secretary of
	// State", "Chief of Staff") before the name.
	titleComplements = wordSet(`state defense defence foreign affairs interior finance justice energy staff joint
		chiefs army navy homeland security information health education trade economy oil commerce`)
	// orgHeads end (or, with "of", start) an organization's name.
	orgHeads = wordSet(`council university bank corp corporation inc ltd llc plc company co ministry agency
		organization organisation party front army committee commission institute fund association union
		authority brigade brigades movement forces force guard guards court parliament assembly foundation group
		network league office department federation alliance coalition center centre college school airways
		airlines petroleum capital holdings partners investments news times post press service services tribunal senate congress cabinet bureau
		navy fleet marines`)
	// eventHeads end the name of an event, a prize or a competition,
	// which is none of the four types (the Emir Cup, the Nobel Prize).
	eventHeads = wordSet(`cup trophy prize award awards league championship championships games tournament open
		medal festival summit conference forum expo olympics`)
	// orgDescriptors are the lower-case words for a kind of organization
	// that stand right before its name (the consultancy Knight Frank, rivals
	// Al Nassr) or, some of them, right after it (the Al Wefaq society).
	orgDescriptors = wordSet(`consultancy firm company bank lender insurer airline carrier developer agency brokerage
		club side team rivals society party group movement newspaper broadcaster channel`)
	orgDescriptorsAfter = wordSet(`society party movement group club`)
	// placeHeads end the name of a place: a building, a road, a field
	// (King Fahd International Stadium, North Field).
	placeHeads = wordSet(`stadium arena airport port harbour harbor palace hospital mosque square street road avenue
		highway bridge tower towers mall island islands canal dam field fields crossing camp base strait valley mountains`)
	// royalTitles are the titles before a ruler's or royal's given name
	// alone (Sheikh Sabah, Prince Mohammed).
	royalTitles = wordSet(`sheikh sheik shaikh prince princess emir amir king queen sultan sayyid`)
	// orgAbbrevs are the heads written with a period, which is part of
	// the name (Kuwait Petroleum Corp.).
	orgAbbrevs = wordSet(`corp inc ltd co bros`)
	// orgOf are the heads that start a name with "of" (Ministry of Defense,
	// University of Kuwait, Bank of England).
	orgOf = wordSet(`ministry university bank council organization organisation department office league
		commission committee court institute college school federation union association fund`)
	// connectors join the words of a name in lower case (Sabah al-Ahmad,
	// Osama bin Laden, Charles de Gaulle).
	connectors = wordSet(`al el bin ibn bint ben abu de da di del van von der du la le`)
	// notNames are capitalized words that do not start or end a name:
	// months, and words capitalized at the start of a sentence.
	notNames = wordSet(`january february march april may june july august september october november december
		mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec`)
)

// coveredBufs keeps the arrays of doc.covered from one Find to the next,
// but for those of articles over maxPooledTokens tokens.
var coveredBufs = sync.Pool{New: func() any { return new([]int32) }}

const maxPooledTokens = 1 << 16

// span is a run of tokens [first, end).
type span struct{ first, end int }

// doc holds one article's state.
type doc struct {
	a       *arabic.Analysis
	covered []int32 // index+1 of the mention that covers a token, 0 if none, -1 an added name
	ms      []entities.Mention
	added   []entities.Mention
	// english is set for a text of mostly Latin-script words. In an
	// Arabic text, Latin words are mostly glosses of terms and titles of
	// works (General Public License, Third Party): only a person after a
	// title and a gloss of an Arabic name are found there.
	english bool
}

// Find returns ms, the mentions a recognizer found in a (in text order),
// with the Latin-script names of a that the rules find added, in text
// order. In a text of mostly Latin-script words, a gazetteer name in
// Latin script written without a capital letter is dropped, and one of
// three letters or fewer must be in capitals (US, not us or Us). A new name never overlaps a mention of ms
// unless it holds that mention whole (Riyadh in "Riyadh University": the
// longest wins). Offsets are those of a's tokens: bytes and code points
// into a.Text.
func Find(a *arabic.Analysis, ms []entities.Mention) []entities.Mention {
	latin, other := 0, 0
	for _, t := range a.Tokens {
		switch t.Kind {
		case arabic.Latin:
			latin++
		case arabic.Word, arabic.Foreign:
			other++
		}
	}
	if latin == 0 {
		return ms
	}
	// In English text a name is written with capitals; an Arabic article
	// may quote a brand as it is spelt (mbc).
	latinText := latin > other
	buf := coveredBufs.Get().(*[]int32)
	d := &doc{a: a, covered: reuse.Resize(*buf, len(a.Tokens), 0), english: latinText, ms: make([]entities.Mention, 0, len(ms))}
	defer func() {
		if cap(d.covered) <= maxPooledTokens {
			*buf = d.covered
			coveredBufs.Put(buf)
		}
	}()
	for _, m := range ms {
		if m.Source == pipeline.SourceGazetteer && d.allLatin(m.FirstToken, m.EndToken) {
			s := a.Text[m.Start:m.End]
			if latinText && !caseFits(s) || !acronymFits(s) {
				continue // "us", "chad", "is": a word, not the name
			}
		}
		d.ms = append(d.ms, m)
	}
	for i, m := range d.ms {
		for k := m.FirstToken; k < m.EndToken; k++ {
			d.covered[k] = int32(i + 1)
		}
	}
	for _, s := range a.Sentences {
		d.glosses(s)
		d.sentence(s)
	}
	d.shortForms()
	if len(d.added) == 0 {
		return d.ms
	}
	out := make([]entities.Mention, 0, len(d.ms)+len(d.added))
	for _, m := range d.ms {
		if m.Entry != dropped {
			out = append(out, m)
		}
	}
	out = append(out, d.added...)
	slices.SortStableFunc(out, func(x, y entities.Mention) int { return x.Start - y.Start })
	return out
}

// dropped marks a mention of ms that a longer new name holds.
const dropped = -2

// caseFits reports whether a name matched in Latin script is written as
// a name: with a capital letter, and all in capitals when it is one word
// of three letters or fewer (US, UAE, GCC; not Us).
func caseFits(s string) bool {
	if !hasUpper(s) {
		return false
	}
	if n := utf8.RuneCountInString(s); n <= 3 && !strings.ContainsAny(s, " .-") {
		return strings.ToUpper(s) == s
	}
	return true
}

// acronymFits reports whether a name matched in Latin script that is
// also an English stop word (IS, US, IT) is written in capitals, as an
// acronym; a name that is no stop word fits. It holds in any article:
// "is" in an English quote inside an Arabic article is not ISIS.
func acronymFits(s string) bool {
	if !english.IsStopWord(strings.ToLower(s)) {
		return true
	}
	return hasUpper(s) && strings.ToUpper(s) == s
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func (d *doc) allLatin(first, end int) bool {
	for k := first; k < end; k++ {
		if t := d.a.Tokens[k]; t.Kind != arabic.Latin && t.Kind != arabic.Punct {
			return false
		}
	}
	return true
}

// capital reports whether token k is a Latin word with a capital first
// letter.
func (d *doc) capital(k int) bool {
	t := d.a.Tokens[k]
	if t.Kind != arabic.Latin {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.a.Text[t.Start:t.End])
	return unicode.IsUpper(r)
}

func (d *doc) norm(k int) string {
	if k < 0 || k >= len(d.a.Tokens) {
		return ""
	}
	return d.a.Tokens[k].Norm
}

// adjacent reports whether tokens k and k+1 touch (no space between).
func (d *doc) adjacent(k int) bool {
	return d.a.Tokens[k].End == d.a.Tokens[k+1].Start
}

// runs returns the runs of capitalized words in sentence s: capitalized
// Latin words, an initial's period (John F. Kennedy, U.S.), and lower-case
// connectors and hyphens between two capitalized words (Sabah al-Ahmad,
// Al-Qaeda).
func (d *doc) runs(s arabic.Sentence) []span {
	var out []span
	k := s.FirstToken
	for k < s.EndToken {
		if !d.capital(k) {
			k++
			continue
		}
		first := k
		end := k + 1
		for end < s.EndToken {
			switch {
			case d.capital(end):
				end++
			case d.norm(end) == "." && utf8.RuneCountInString(d.norm(end-1)) == 1 && d.adjacent(end-1):
				end++ // an initial
			case d.norm(end) == "." && orgAbbrevs[d.norm(end-1)] && d.adjacent(end-1) && end-1 > first:
				end++ // Corp., Inc.
				goto done
			case d.norm(end) == "-" && end+1 < s.EndToken && d.adjacent(end-1) && d.adjacent(end) && d.capital(end+1):
				end++
			case connectors[d.norm(end)] && end+1 < s.EndToken &&
				(d.capital(end+1) || d.norm(end+1) == "-" && end+2 < s.EndToken && d.capital(end+2)):
				end++
			default:
				goto done
			}
		}
	done:
		out = append(out, span{first, end})
		k = end
	}
	return out
}

// trim drops the stop words and other non-name words at the ends of run.
func (d *doc) trim(r span) span {
	for r.first < r.end && (d.skippable(r.first) || !d.capital(r.first)) {
		if n := d.norm(r.first); (n == "al" || n == "el") && d.capital(r.first) && r.first+1 < r.end {
			break // Al Wefaq: the article of an Arabic name is part of it
		}
		r.first++
	}
	for r.end > r.first && (d.skippable(r.end-1) || d.norm(r.end-1) == "-" || connectors[d.norm(r.end-1)]) {
		r.end--
	}
	return r
}

func (d *doc) skippable(k int) bool {
	n := d.norm(k)
	return isStop(n) || notNames[n] // 's is a stop word
}

// sentence finds the names of one sentence.
func (d *doc) sentence(s arabic.Sentence) {
	for _, r := range d.runs(s) {
		r = d.trim(r)
		if r.first >= r.end {
			continue
		}
		if d.english && (d.org(r, s) || d.place(r)) {
			continue
		}
		d.person(r, s)
	}
}

// org adds run r as an organization when it ends with a head (Gulf
// Research Council) or starts with a head and "of" (Ministry of Defense).
func (d *doc) org(r span, s arabic.Sentence) bool {
	last := d.norm(r.end - 1)
	if last == "." && r.end-2 >= r.first {
		last = d.norm(r.end - 2) // Corp., Inc.
	}
	if orgHeads[last] && r.end-r.first >= 2 && !titles[d.norm(r.first)] {
		d.add(r, gazetteer.Org, scoreTitle)
		return true
	}
	if orgOf[d.norm(r.end-1)] && r.end+1 < s.EndToken && (d.norm(r.end) == "of" || d.norm(r.end) == "for") {
		k := r.end + 1
		if d.norm(k) == "the" && k+1 < s.EndToken {
			k++
		}
		if d.capital(k) {
			for _, next := range d.runs(arabic.Sentence{FirstToken: k, EndToken: s.EndToken}) {
				if next.first == k {
					first := r.first
					for first < r.end-1 && !orgOf[d.norm(first)] {
						first++ // Kuwait's Ministry of Oil: the country stays out
					}
					d.add(span{first, next.end}, gazetteer.Org, scoreTitle)
					return true
				}
				break
			}
		}
	}
	return false
}

// place adds run r as a place when it ends with the head of a place's
// name (King Fahd International Stadium, North Field).
func (d *doc) place(r span) bool {
	if r.end-r.first < 2 || !placeHeads[d.norm(r.end-1)] {
		return false
	}
	d.add(r, gazetteer.Location, scoreTitle)
	return true
}

// person adds the name in run r after the run's last title word (Foreign
// Minister Sheikh Sabah al-Khalid: Sabah al-Khalid), after a lower-case
// title before the run (envoy John Allen), or a name of two words or more
// next to a verb of saying.
func (d *doc) person(r span, s arabic.Sentence) {
	titled := false
	for k := r.end - 1; k >= r.first; k-- {
		if titles[d.norm(k)] && (!weakTitles[d.norm(k)] || k == r.first && d.english || titles[d.norm(k-1)] || d.norm(k-1) == "-" || d.norm(k+1) == ".") {
			r.first, titled = k+1, true
			break
		}
	}
	if titled {
		// Secretary of State John Kerry: the complement is part of the title.
		for r.first < r.end && titleComplements[d.norm(r.first)] {
			r.first++
		}
		if r.first < r.end && d.norm(r.first) == "." {
			r.first++ // Gen. Allen
		}
		r = d.trim(r)
	} else if k := r.first - 1; k >= s.FirstToken {
		if (d.norm(k) == "." || d.norm(k) == ",") && k-1 >= s.FirstToken {
			k-- // Gen. Allen; its chief executive, Ali al-Kuwari
		}
		titled = titles[d.norm(k)]
		if !titled && titleComplements[d.norm(r.first)] {
			// "of State John Kerry": the title is before "of".
			for k = r.first - 1; k >= s.FirstToken && k >= r.first-3; k-- {
				if titles[d.norm(k)] {
					for r.first < r.end && titleComplements[d.norm(r.first)] {
						r.first++
					}
					titled = true
					break
				}
			}
		}
	}
	if r.first >= r.end || eventHeads[d.norm(r.end-1)] {
		return // the Emir Cup
	}
	if titled {
		d.add(r, gazetteer.Person, scoreTitle)
		return
	}
	if d.words(r) < 2 || !d.english {
		return
	}
	before, after := d.norm(r.first-1), d.norm(r.end)
	if r.first-1 < s.FirstToken {
		before = ""
	}
	if r.end >= s.EndToken {
		after = ""
	}
	if orgDescriptors[before] || orgDescriptorsAfter[after] {
		d.add(r, gazetteer.Org, scoreSaid)
		return
	}
	// A given name starts it, or a country's name stands before it with
	// 's or after it with "of" (Tunisia's Ons Jabeur, Ugo Humbert of France).
	if givenNames[d.norm(r.first)] || before == "'s" && d.country(r.first-2, false) ||
		after == "of" && r.end+1 < s.EndToken && d.country(r.end+1, true) {
		d.add(r, gazetteer.Person, scoreGiven)
		return
	}
	if speechVerb(after) || speechVerb(before) || before == "," && speechVerb(d.norm(r.first-2)) {
		d.add(r, gazetteer.Person, scoreSaid)
	}
}

// country reports whether token k is the last (or, with first, the first)
// token of a country's name found by the gazetteer.
func (d *doc) country(k int, first bool) bool {
	if k < 0 || k >= len(d.covered) || d.covered[k] <= 0 {
		return false
	}
	m := d.ms[d.covered[k]-1]
	if first {
		return m.Type == gazetteer.Country && m.FirstToken == k
	}
	return m.Type == gazetteer.Country && m.EndToken == k+1
}

// words counts the capitalized words of r.
func (d *doc) words(r span) int {
	n := 0
	for k := r.first; k < r.end; k++ {
		if d.capital(k) {
			n++
		}
	}
	return n
}

// key is the name of r for its entity id: the Norms of its words, joined
// by a space.
func (d *doc) key(r span) string {
	var b strings.Builder
	for k := r.first; k < r.end; k++ {
		t := d.a.Tokens[k]
		if !t.Kind.IsWord() {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}

// glosses adds the Latin-script name in parentheses right after a name in
// another script as a mention of the same entity: جون آلن (John Allen).
func (d *doc) glosses(s arabic.Sentence) {
	for k := s.FirstToken; k+1 < s.EndToken; k++ {
		c := int32(0)
		if k > 0 {
			c = d.covered[k-1]
		}
		if d.norm(k) != "(" || c <= 0 || !d.capital(k+1) {
			continue
		}
		m := d.ms[c-1]
		if m.EndToken != k || d.allLatin(m.FirstToken, m.EndToken) || m.Form != gazetteer.FormName {
			continue
		}
		r := d.trim(d.runs(arabic.Sentence{FirstToken: k + 1, EndToken: s.EndToken})[0])
		if r.first != k+1 || r.end >= s.EndToken || d.norm(r.end) != ")" {
			continue
		}
		if m.Type == gazetteer.Org && d.words(r) < 2 {
			continue // an organization's acronym may name a part of it: موانئ دبي العالمية (DCT)
		}
		if n := d.add(r, m.Type, m.Score); n != nil {
			n.Entry, n.Key, n.Source = m.Entry, m.Key, m.Source
		}
	}
}

// add adds r as a name of type typ unless it overlaps a mention it does
// not hold whole; the mentions it holds are dropped. It returns the new
// mention, valid until the next add, or nil.
func (d *doc) add(r span, typ gazetteer.Type, score float64) *entities.Mention {
	for k := r.first; k < r.end; k++ {
		if c := d.covered[k]; c > 0 {
			m := &d.ms[c-1]
			if m.FirstToken < r.first || m.EndToken > r.end || m.EndToken-m.FirstToken == r.end-r.first {
				return nil
			}
		}
		if c := d.covered[k]; c < 0 {
			return nil // an added name
		}
	}
	for k := r.first; k < r.end; k++ {
		if c := d.covered[k]; c > 0 {
			d.ms[c-1].Entry = dropped
		}
		d.covered[k] = -1
	}
	first, last := d.a.Tokens[r.first], d.a.Tokens[r.end-1]
	d.added = append(d.added, entities.Mention{
		Offsets:    arabic.Offsets{Start: first.Start, End: last.End, RuneStart: first.RuneStart, RuneEnd: last.RuneEnd},
		FirstToken: r.first, EndToken: r.end, Type: typ, Form: gazetteer.FormName,
		Source: pipeline.SourceRule, Score: score, Entry: entities.NoEntry, Key: d.key(r),
	})
	return &d.added[len(d.added)-1]
}

// shortForms adds the one-word mentions of the last word of a person's
// Latin-script name met earlier in the article (Allen after John Allen),
// and of an organization's name after its article al (Hilal after Al
// Hilal), with the full name's entity.
func (d *doc) shortForms() {
	type person struct {
		start int // byte offset of the full name
		entry int
		key   string
		typ   gazetteer.Type
	}
	last := map[string]person{}
	given := map[string]person{} // a full name's first word, after a royal title
	var people []entities.Mention
	for _, m := range d.ms {
		if m.Entry != dropped && (m.Type == gazetteer.Person || d.alName(m)) {
			people = append(people, m)
		}
	}
	for _, m := range d.added {
		if m.Type == gazetteer.Person || d.alName(m) {
			people = append(people, m)
		}
	}
	for _, m := range people {
		if m.EndToken-m.FirstToken < 2 || !d.allLatin(m.FirstToken, m.EndToken) {
			continue
		}
		w := d.norm(m.EndToken - 1)
		if p, ok := last[w]; ok && p.start <= m.Start {
			if p.entry != m.Entry || p.key != m.Key {
				continue
			}
		}
		last[w] = person{m.Start, m.Entry, m.Key, m.Type}
		if f := d.norm(m.FirstToken); m.Type == gazetteer.Person && !connectors[f] {
			if _, ok := given[f]; !ok {
				given[f] = person{m.Start, m.Entry, m.Key, m.Type}
			}
		}
	}
	// Sheikh Sabah after Sheikh Sabah Khalid al-Sabah: Gulf rulers and
	// royals are named by their given name after the title.
	for i := range d.added {
		m := &d.added[i]
		if m.Type != gazetteer.Person || m.EndToken-m.FirstToken != 1 || !royalTitles[d.norm(m.FirstToken-1)] {
			continue
		}
		if p, ok := given[d.norm(m.FirstToken)]; ok && p.start < m.Start {
			m.Entry, m.Key = p.entry, p.key
		}
	}
	if len(last) == 0 {
		return
	}
	for k, t := range d.a.Tokens {
		if d.covered[k] != 0 || !d.capital(k) {
			continue
		}
		p, ok := last[t.Norm]
		if !ok || p.start >= t.Start || k+1 < len(d.a.Tokens) && d.capital(k+1) {
			continue
		}
		d.added = append(d.added, entities.Mention{
			Offsets:    t.Offsets,
			FirstToken: k, EndToken: k + 1, Type: p.typ, Form: gazetteer.FormName,
			Source: pipeline.SourceRule, Score: scoreShort, Entry: p.entry, Key: p.key,
		})
		d.covered[k] = -1
	}
}

// alName reports whether m is an organization named by al and one word
// (Al Hilal, Al-Nassr), whose word alone is the same organization.
func (d *doc) alName(m entities.Mention) bool {
	if m.Type != gazetteer.Org || d.norm(m.FirstToken) != "al" {
		return false
	}
	n := m.EndToken - m.FirstToken
	return n == 2 || n == 3 && d.norm(m.FirstToken+1) == "-"
}

// speechVerb reports whether norm is a verb of saying that follows or
// precedes a speaker: english.IsSayingVerb's, but for "reported", which
// follows a company as often as a person (Developer Emaar Properties
// reported a 30 percent rise: the dev split loses an ORG with it).
func speechVerb(norm string) bool { return norm != "reported" && english.IsSayingVerb(norm) }
