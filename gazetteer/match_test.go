package gazetteer

import (
	stdcontext "context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/testutil"
)

// testMatcher compiles a small gazetteer for the matcher tests.
func testMatcher(t testing.TB) *Matcher {
	t.Helper()
	return Compile(&Gazetteer{Entries: []Entry{
		{ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت", Aliases: []string{"دولة الكويت"}, Demonyms: []string{"كويتي"}},
		{ID: "country:US", Type: Country, Name: "United States", NameAr: "الولايات المتحدة",
			Aliases: []string{"الولايات المتحدة الأمريكية", "أمريكا", "أميركا"}, Demonyms: []string{"أمريكي", "أميركي"}},
		{ID: "country:SA", Type: Country, Name: "Saudi Arabia", NameAr: "السعودية", Demonyms: []string{"سعودي"}},
		{ID: "country:AE", Type: Country, Name: "United Arab Emirates", NameAr: "الإمارات العربية المتحدة",
			Aliases: []string{"الإمارات", "دولة الإمارات العربية المتحدة", "UAE"}, Demonyms: []string{"إماراتي"}},
		{ID: "country:OM", Type: Country, Name: "Oman", NameAr: "عُمان", Aliases: []string{"سلطنة عمان"}},
		{ID: "city:amman", Type: Location, Name: "Amman", NameAr: "عَمّان"},
		{ID: "country:QA", Type: Country, Name: "Qatar", NameAr: "قطر", Context: Context{Against: []string{"نصف", "دائرة"}}},
		{ID: "org:isis", Type: Org, Name: "ISIS", NameAr: "داعش", Aliases: []string{"تنظيم الدولة الإسلامية"}},
		{ID: "org:anti-isis-coalition", Type: Org, Name: "International coalition against ISIS", NameAr: "التحالف الدولي"},
		{ID: "person:john-allen", Type: Person, Name: "John Allen", NameAr: "جون آلن"},
		{ID: "person:khaled-al-jarallah", Type: Person, Name: "Khaled Al-Jarallah", NameAr: "خالد سليمان الجار الله"},
		{ID: "city:abu-dhabi", Type: Location, Name: "Abu Dhabi", NameAr: "أبوظبي"},
		{ID: "city:tripoli-ly", Type: Location, Name: "Tripoli", NameAr: "طرابلس", Context: Context{Favour: []string{"ليبيا", "الليبية"}}},
		{ID: "city:tripoli-lb", Type: Location, Name: "Tripoli", NameAr: "طرابلس", Context: Context{Favour: []string{"لبنان", "اللبنانية"}}},
	}})
}

// found is a match as the tests write it: the original text under it, and
// the ids and forms of its candidates.
func found(text string, m Match) string {
	var ids []string
	for _, c := range m.Candidates {
		id := c.Entry.ID
		if c.Form == FormAdjective {
			id += "/adj"
		}
		if c.Vocalized {
			id += "/voc"
		}
		ids = append(ids, id)
	}
	return text[m.Start:m.End] + "=" + strings.Join(ids, ",")
}

func TestFindAll(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"conjunction and article", "والإمارات", []string{"الإمارات=country:AE"}},
		{"lam-lam contraction keeps the second lam", "للتحالف الدولي", []string{"لتحالف الدولي=org:anti-isis-coalition"}},
		{"conjunction and lam-lam", "وللولايات المتحدة", []string{"لولايات المتحدة=country:US"}},
		{"particle", "بالكويت ولداعش", []string{"الكويت=country:KW", "داعش=org:isis"}},
		{"longest wins at a start", "دولة الإمارات العربية المتحدة", []string{
			"دولة الإمارات العربية المتحدة=country:AE", "الإمارات العربية المتحدة=country:AE"}},
		{"longer alias of the same entity, inner adjective too", "الولايات المتحدة الأمريكية", []string{
			"الولايات المتحدة الأمريكية=country:US", "الأمريكية=country:US/adj"}},
		{"folded spelling", "امريكا واميركا", []string{"امريكا=country:US", "اميركا=country:US"}},
		{"madda folded", "جون ألن", []string{"جون ألن=person:john-allen"}},
		{"demonym with article", "الأميركي", []string{"الأميركي=country:US/adj"}},
		{"demonym inflected", "الكويتية والسعوديون وإماراتيات", []string{
			"الكويتية=country:KW/adj", "السعوديون=country:SA/adj", "إماراتيات=country:AE/adj"}},
		{"name beats demonym", "السعودية", []string{"السعودية=country:SA"}},
		{"compound split", "أبو ظبي", []string{"أبو ظبي=city:abu-dhabi"}},
		{"compound joined", "خالد سليمان الجارالله", []string{"خالد سليمان الجارالله=person:khaled-al-jarallah"}},
		{"english alias, any case", "uae", []string{"uae=country:AE"}},
		{"vocalized: damma is Oman, confirmed", "عُمان", []string{"عُمان=country:OM/voc"}},
		{"vocalized: shadda is Amman, confirmed", "عمّان", []string{"عمّان=city:amman/voc"}},
		{"unvocalized is ambiguous", "عمان", []string{"عمان=country:OM,city:amman"}},
		{"fatha agrees with Amman only, and confirms it", "عَمان", []string{"عَمان=city:amman/voc"}},
		{"shared name", "طرابلس", []string{"طرابلس=city:tripoli-ly,city:tripoli-lb"}},
		{"no match across sentences", "الولايات.\nالمتحدة", nil},
		{"partial name", "الولايات", nil},
		{"enclitic not stripped", "الكويتي", []string{"الكويتي=country:KW/adj"}},
		{"tatweel and tashkeel", "الكُويـــت", []string{"الكُويـــت=country:KW"}},
		{"nothing", "ذهب الرجل إلى السوق", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arabic.Analyze(tt.text)
			var got []string
			for _, match := range m.FindAll(a) {
				got = append(got, found(tt.text, match))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindAll(%s)\n got %q\nwant %q", hex(tt.text), got, tt.want)
			}
		})
	}
}

func hex(s string) string { return fmt.Sprintf("%q (% x)", s, s) }

func TestEvidence(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name            string
		text            string
		entry           string
		favour, against int
	}{
		{"against in the sentence", "يبلغ نصف قطر الدائرة مترا", "country:QA", 0, 2},
		{"against in another sentence does not count", "نصف الكأس.\nزار قطر", "country:QA", 0, 0},
		{"against too far away does not count", "نصف الطلاب في المدارس زاروا قطر", "country:QA", 0, 0},
		{"favour anywhere in the text", "وصل إلى طرابلس.\nوقالت الحكومة الليبية", "city:tripoli-ly", 1, 0},
		{"favour of the other city", "وصل إلى طرابلس.\nوقالت الحكومة الليبية", "city:tripoli-lb", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arabic.Analyze(tt.text)
			ev := m.NewEvidence(a)
			for _, match := range m.FindAll(a) {
				for _, c := range match.Candidates {
					if c.Entry.ID != tt.entry {
						continue
					}
					if f, ag := ev.Count(c.Index, match); f != tt.favour || ag != tt.against {
						t.Errorf("Count = favour %d against %d, want %d %d", f, ag, tt.favour, tt.against)
					}
					return
				}
			}
			t.Fatalf("%s not matched in %q", tt.entry, tt.text)
		})
	}
}

func TestLookup(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name string
		want []string
	}{
		{"الكويت", []string{"country:KW"}},
		{"بالكويت", []string{"country:KW"}},
		{"والولايات المتحدة", []string{"country:US"}},
		{"الأمريكية", []string{"country:US"}},
		{"عمان", []string{"country:OM", "city:amman"}},
		{"الكويت اليوم", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range m.Lookup(tt.name) {
			got = append(got, c.Entry.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Lookup(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestFindAllAgainstBruteForce compares FindAll with a direct search on
// random gazetteers and texts.
func TestFindAllAgainstBruteForce(t *testing.T) {
	// Words that start with clitic letters and the article, so that the
	// clitic readings matter.
	words := []string{"الكويت", "بلد", "كتاب", "وطن", "لبنان", "فرح", "سلام", "الملك", "عبد", "الله", "بيت", "ابو", "ظبي", "نهر"}
	clitics := []string{"", "", "", "و", "ب", "ل", "ف", "وب", "ال", "لل", "وال"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var entries []Entry
		for k := range 1 + rng.IntN(8) {
			var name []string
			for range 1 + rng.IntN(3) {
				name = append(name, words[rng.IntN(len(words))])
			}
			entries = append(entries, Entry{ID: fmt.Sprintf("org:e%d", k), Type: Org, Name: fmt.Sprintf("E%d", k), NameAr: strings.Join(name, " ")})
		}
		m := Compile(&Gazetteer{Entries: entries})
		var text []string
		for range 1 + rng.IntN(12) {
			text = append(text, clitics[rng.IntN(len(clitics))]+words[rng.IntN(len(words))])
		}
		s := strings.Join(text, " ")
		a := arabic.Analyze(s)
		var got, want []string
		for _, match := range m.FindAll(a) {
			got = append(got, fmt.Sprintf("%d-%d:%s", match.Start, match.End, found(s, match)))
		}
		for _, match := range bruteForce(m, a) {
			want = append(want, fmt.Sprintf("%d-%d:%s", match.Start, match.End, found(s, match)))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: text %q, gazetteer %v\n got %q\nwant %q", round, s, entries, got, want)
		}
		// The same with the tokens' ids given.
		ids := make([]uint32, len(a.Tokens))
		for k, tok := range a.Tokens {
			ids[k] = m.TokenID(tok.Norm)
		}
		byID, err := m.FindAllIDsContext(stdcontext.Background(), a, ids)
		if err != nil {
			t.Fatal(err)
		}
		got = got[:0]
		for _, match := range byID {
			got = append(got, fmt.Sprintf("%d-%d:%s", match.Start, match.End, found(s, match)))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d, with ids: text %q, gazetteer %v\n got %q\nwant %q", round, s, entries, got, want)
		}
	}
}

// bruteForce finds, for each token, the longest variant of any name that
// starts there, trying every clitic reading of the token without an
// enclitic, the least stripped first, by comparing token lists directly.
func bruteForce(m *Matcher, a *arabic.Analysis) []Match {
	type pattern struct {
		toks  []string
		entry int
		form  Form
	}
	var patterns []pattern
	for i := range m.entries {
		e := &m.entries[i]
		for k := -2; k < len(e.Aliases); k++ {
			for _, v := range nameVariants(m.normTokens(e.name(k))) {
				patterns = append(patterns, pattern{v, i, FormName})
			}
		}
	}
	var out []Match
	for i, tok := range a.Tokens {
		var best *Match
		for _, seg := range arabic.Segment(a.Text, tok) {
			if seg.Enclitic != "" {
				continue
			}
			for _, p := range patterns {
				end := i + len(p.toks)
				if end > len(a.Tokens) || p.toks[0] != seg.Stem || a.SentenceOf(end-1) != a.SentenceOf(i) {
					continue
				}
				ok := true
				for k := 1; k < len(p.toks); k++ {
					ok = ok && a.Tokens[i+k].Norm == p.toks[k]
				}
				if !ok {
					continue
				}
				switch {
				case best == nil || end > best.EndToken:
					best = &Match{Offsets: arabic.Offsets{Start: seg.Start, End: a.Tokens[end-1].End}, FirstToken: i, EndToken: end}
					best.Candidates = []Candidate{{Entry: &m.entries[p.entry], Index: p.entry, Form: p.form}}
				case end == best.EndToken && best.Start == seg.Start && !hasEntry(best.Candidates, p.entry):
					best.Candidates = append(best.Candidates, Candidate{Entry: &m.entries[p.entry], Index: p.entry, Form: p.form})
				}
			}
		}
		if best != nil {
			slices.SortFunc(best.Candidates, func(x, y Candidate) int { return x.Index - y.Index })
			out = append(out, *best)
		}
	}
	return out
}

func hasEntry(cs []Candidate, entry int) bool {
	for _, c := range cs {
		if c.Index == entry {
			return true
		}
	}
	return false
}

func TestAmbiguous(t *testing.T) {
	m := testMatcher(t)
	var got []string
	for _, a := range m.Ambiguous() {
		got = append(got, a.Name+"="+strings.Join(a.IDs, ","))
	}
	want := []string{"عُمان=country:OM,city:amman", "طرابلس=city:tripoli-ly,city:tripoli-lb", "Tripoli=city:tripoli-ly,city:tripoli-lb"}
	if !slices.Equal(got, want) {
		t.Errorf("Ambiguous() = %q, want %q", got, want)
	}
}

// favourBrute counts entry i's favour phrases outside match by reading
// the whole text again, as Count did before it kept the totals.
func favourBrute(e *Evidence, i int, match Match) int {
	stems := e.a.Stems()
	n := 0
	for _, p := range e.m.context[i].favour {
		for k := 0; k+len(p) <= len(stems); k++ {
			if slices.Equal(stems[k:k+len(p)], p) && !(k < match.EndToken && k+len(p) > match.FirstToken) {
				n++
			}
		}
	}
	return n
}

// TestEvidenceFavourTotals checks the favour counts kept across matches
// against a count that reads the text again for each match, on texts where
// the favour phrases overlap the names, repeat, and touch the text's ends.
func TestEvidenceFavourTotals(t *testing.T) {
	m := Compile(&Gazetteer{Entries: []Entry{
		{ID: "city:tripoli-ly", Type: Location, Name: "Tripoli", NameAr: "طرابلس",
			Context: Context{Favour: []string{"طرابلس الغرب", "الحكومة الليبية", "ليبيا"}}},
		{ID: "city:tripoli-lb", Type: Location, Name: "Tripoli", NameAr: "طرابلس",
			Context: Context{Favour: []string{"شمال لبنان طرابلس", "لبنان"}}},
	}})
	texts := []struct{ name, text string }{
		{"favour before and after", "الحكومة الليبية في طرابلس.\nطرابلس والحكومة الليبية وطرابلس الحكومة الليبية"},
		{"favour at both ends", "الليبية طرابلس الحكومة ليبيا"},
		{"name inside its favour phrase", "طرابلس الغرب وطرابلس الغرب وشمال لبنان طرابلس"},
		{"many names", strings.Repeat("زار طرابلس الغرب ثم شمال لبنان طرابلس والحكومة الليبية ", 50)},
	}
	for _, tt := range texts {
		t.Run(tt.name, func(t *testing.T) {
			a := arabic.Analyze(tt.text)
			ev := m.NewEvidence(a)
			n := 0
			for _, match := range m.FindAll(a) {
				for _, c := range match.Candidates {
					f, _ := ev.Count(c.Index, match)
					if want := favourBrute(ev, c.Index, match); f != want {
						t.Errorf("%s at token %d: favour %d, reading the text again gives %d", c.Entry.ID, match.FirstToken, f, want)
					}
					n++
				}
			}
			if n == 0 {
				t.Fatal("no candidates matched")
			}
		})
	}
}

// defaultAndTexts returns the default gazetteer compiled and the texts
// that the comparisons with it read: the reference article, line, and
// the ANT sample when present (its first 200 articles with -short).
func defaultAndTexts(t *testing.T, line string) (*Matcher, []string) {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ref, err := os.ReadFile("../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(ref), line}
	sample, _ := testutil.TextFiles("../../shared/data/ant_corpus_v2.1_sample")
	if testing.Short() && len(sample) > 200 {
		sample = sample[:200]
	}
	return Compile(g), append(texts, sample...)
}

// againstBrute counts entry i's against phrases by reading every start in
// the window Count documents: AgainstWindow tokens each side of a one-word
// match, inside its sentence, outside the match.
func againstBrute(e *Evidence, i int, match Match) int {
	if match.EndToken-match.FirstToken != 1 {
		return 0
	}
	stems := e.a.Stems()
	sent := e.a.Sentences[e.a.SentenceOf(match.FirstToken)]
	from := max(sent.FirstToken, match.FirstToken-AgainstWindow)
	to := min(sent.EndToken, match.EndToken+AgainstWindow)
	n := 0
	for _, p := range e.m.context[i].against {
		for k := from; k+len(p) <= to; k++ {
			if slices.Equal(stems[k:k+len(p)], p) && !(k < match.EndToken && k+len(p) > match.FirstToken) {
				n++
			}
		}
	}
	return n
}

// TestEvidenceSameAsBrute checks Count, with the default gazetteer's
// context words, against counts that read the text again for each
// candidate, on the reference article and the ANT sample when present.
func TestEvidenceSameAsBrute(t *testing.T) {
	m, texts := defaultAndTexts(t, "يبلغ نصف قطر الدائرة مترا، وزار قطر وفد. نصف قطر الكرة")
	counted := 0
	for k, text := range texts {
		a := arabic.Analyze(text)
		ev := m.NewEvidence(a)
		for _, match := range m.FindAll(a) {
			for _, c := range match.Candidates {
				f, ag := ev.Count(c.Index, match)
				wf, wa := favourBrute(ev, c.Index, match), againstBrute(ev, c.Index, match)
				if f != wf || ag != wa {
					t.Fatalf("text %d, %s at token %d: Count = %d, %d; reading the text again gives %d, %d", k, c.Entry.ID, match.FirstToken, f, ag, wf, wa)
				}
				if f+ag > 0 {
					counted++
				}
			}
		}
	}
	if counted == 0 {
		t.Fatal("no context word counted: the comparison proves little")
	}
	t.Logf("%d candidates with context words counted", counted)
}

// TestTokenID checks the vocabulary ids FindAllIDsContext takes: nonzero
// exactly for the normalized tokens of the names (any of a name's tokens,
// in any of its forms), distinct for distinct tokens; and that FindAll
// with the ids finds what FindAll finds.
func TestTokenID(t *testing.T) {
	m := Compile(&Gazetteer{Entries: []Entry{
		{ID: "country:KW", Type: Country, Name: "Kuwait", NameAr: "الكويت"},
		{ID: "org:ku", Type: Org, Name: "Kuwait University", NameAr: "جامعة الكويت", Aliases: []string{"جامعة الكويت الوطنية"}},
	}})
	tests := []struct {
		name  string
		token string // normalized
		known bool
	}{
		{"first token", "جامعه", true},
		{"first and last token", "الكويت", true},
		{"alias's last token", "الوطنيه", true},
		{"not normalized", "جامعة", false},
		{"with a proclitic", "والكويت", false},
		{"unknown", "بيروت", false},
		{"empty", "", false},
	}
	seen := map[uint32]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := m.TokenID(tt.token)
			if got := id != 0; got != tt.known {
				t.Errorf("TokenID(%q) = %d: known %v, want %v", tt.token, id, got, tt.known)
			}
			if other, dup := seen[id]; dup && id != 0 {
				t.Errorf("TokenID(%q) = %d, also %q's", tt.token, id, other)
			}
			seen[id] = tt.token
		})
	}

	for _, tc := range []struct {
		text    string
		matches int // names starting at a token, overlapping ones included
	}{
		{"درس في جامعة الكويت الوطنية ثم في الكويت", 3},
		{"وبالكويت وجامعة الكويت", 3},
		{"لا اسم هنا", 0},
		{"", 0},
	} {
		text := tc.text
		a := arabic.Analyze(text)
		ids := make([]uint32, len(a.Tokens))
		for k, tok := range a.Tokens {
			ids[k] = m.TokenID(tok.Norm)
		}
		got, err := m.FindAllIDsContext(stdcontext.Background(), a, ids)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if want := m.FindAll(a); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: FindAllIDsContext = %+v, FindAll = %+v", text, got, want)
		}
		if len(got) != tc.matches {
			t.Errorf("%q: %d matches, want %d", text, len(got), tc.matches)
		}
	}
	a := arabic.Analyze("جامعة الكويت")
	if _, err := m.FindAllIDsContext(stdcontext.Background(), a, make([]uint32, 1)); err == nil {
		t.Error("FindAllIDsContext with 1 id for 2 tokens: no error")
	}
}

// TestAppendStartsOfSameAsAppendStarts checks that AppendStartsOf, given
// the readings AppendSegments makes, appends what AppendStarts does, for
// every word of the reference article, of a few made up to have starts
// after proclitics, and of the ANT sample when present.
func TestAppendStartsOfSameAsAppendStarts(t *testing.T) {
	m, texts := defaultAndTexts(t, "وبالكويت ولمصر فالسعودية للأردن وكالعراق بعمّان وكتابه لبنانيه")
	tok := arabic.NewTokenizer(arabic.Default)
	seen := map[string]bool{}
	withStarts := 0
	for _, text := range texts {
		for _, tk := range tok.Analyze(text).Tokens {
			word := tk.Text(text)
			if seen[word] {
				continue
			}
			seen[word] = true
			// The word as a token of its own text, as the recognizer's
			// lexemes make it.
			w := arabic.Token{Kind: tk.Kind, Norm: tk.Norm, Offsets: arabic.Offsets{End: len(word), RuneEnd: tk.RuneEnd - tk.RuneStart}}
			want := m.AppendStarts(nil, word, tk.Kind, tk.Norm)
			got := m.AppendStartsOf(nil, w, tok.AppendSegments(nil, word, w))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: AppendStartsOf = %+v, AppendStarts = %+v", word, got, want)
			}
			if len(want) > 0 {
				withStarts++
			}
		}
	}
	if withStarts == 0 {
		t.Fatal("no word has starts: the comparison proves little")
	}
	t.Logf("%d forms, %d with starts", len(seen), withStarts)
}
