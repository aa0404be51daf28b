package entities

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/gazetteer"
)

// TestVocabBounded feeds a vocabulary a stream of words never seen before
// and checks that it never holds more than its limit, and that a word met
// in every article, among words met once, survives every eviction.
func TestVocabBounded(t *testing.T) {
	g, err := gazetteer.Load("tiny.yaml", strings.NewReader("entries:\n  - {id: country:KW, type: COUNTRY, name: Kuwait, name_ar: الكويت}\n"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(gazetteer.Compile(g), Options{})
	if err != nil {
		t.Fatal(err)
	}
	const limit = 128
	r.vocab = newVocab(limit)
	var keep *lexeme
	kuwait := arabic.Analyze("الكويت")
	for i := range 200 {
		var b strings.Builder
		b.WriteString("الكويت")
		for j := range 10 {
			fmt.Fprintf(&b, " كلمة%c%c", 'ا'+rune(i%20), 'ب'+rune(i*10+j)%26) // forms of letters only
			fmt.Fprintf(&b, "X%dY%d", i, j)
		}
		a := arabic.Analyze(b.String())
		r.Recognize(a)
		if n := r.vocab.len(); n > limit {
			t.Fatalf("article %d: %d lexemes, want at most %d", i, n, limit)
		}
		// Only الكويت is looked up again: a lookup of every form would mark
		// them all used, and with every lexeme used the clock can evict
		// any of them (it then works as first in, first out).
		lex := r.vocab.lexemes(r, kuwait, nil, new(lexBufs), new([]arabic.Segmentation))
		if i > 0 && lex[0] != keep {
			t.Fatalf("article %d: the lexeme of الكويت was analysed again", i)
		}
		keep = lex[0]
	}
}

// TestVocabKeepsRecent passes over the same forms again and again, more
// than half the vocabulary's limit (a generation of the vocabulary of two
// that it was) and no more than its limit, and checks that no form is
// analysed again after the first pass (two generations of half the limit
// analysed some again at every pass).
func TestVocabKeepsRecent(t *testing.T) {
	r := defaultRecognizerInternal(t)
	const limit, forms = 64, 60
	r.vocab = newVocab(limit)
	var articles []*arabic.Analysis
	for i := 0; i < forms; i += 8 {
		var b strings.Builder
		for j := i; j < min(i+8, forms); j++ {
			fmt.Fprintf(&b, "كلمة%c%c ", 'ا'+rune(j/26), 'ب'+rune(j%26))
		}
		articles = append(articles, arabic.Analyze(b.String()))
	}
	first := map[string]*lexeme{}
	for pass := range 4 {
		for _, a := range articles {
			lex := r.vocab.lexemes(r, a, nil, new(lexBufs), new([]arabic.Segmentation))
			for k, l := range lex {
				form := a.Tokens[k].Text(a.Text)
				if pass == 0 {
					first[form] = l
				} else if first[form] != l {
					t.Fatalf("pass %d: %q analysed again", pass, form)
				}
			}
		}
	}
	if len(first) != forms {
		t.Fatalf("%d distinct forms, want %d", len(first), forms)
	}
}

// TestLexTableEvict adds and evicts lexemes at random in a small table
// (clusters that wrap around its end, removals inside them) and checks
// after each step that the table finds exactly the lexemes a map of them
// holds, and that a lexeme used since the hand last passed it is not the
// one evicted.
func TestLexTableEvict(t *testing.T) {
	tab := lexTable{seed: newVocab(1).seed}
	held := map[string]*lexeme{}
	hand := 0
	next := 0
	rnd := uint64(1)
	random := func(n int) int { // xorshift: the same steps every run
		rnd ^= rnd << 13
		rnd ^= rnd >> 7
		rnd ^= rnd << 17
		return int(rnd % uint64(n))
	}
	for step := range 20000 {
		if len(held) < 400 && (len(held) == 0 || random(3) > 0) {
			l := &lexeme{text: fmt.Sprintf("w%d", next), kind: arabic.Word}
			next++
			tab.add(l, tab.hash(l.text))
			held[l.text] = l
		} else {
			// Every lexeme held but one is used: the hand must pass them
			// all and evict that one.
			keep := ""
			for text := range held {
				keep = text
				break
			}
			for i := range tab.slots {
				if s := &tab.slots[i]; s.l != nil {
					s.tag &^= lexUsed
					if s.l.text != keep {
						s.use()
					}
				}
			}
			tab.evict(&hand)
			if got := tab.holds(keep, tab.hash(keep)); got != nil {
				t.Fatalf("step %d: %q, the one lexeme not used, was not evicted", step, keep)
			}
			delete(held, keep)
		}
		if tab.n != len(held) {
			t.Fatalf("step %d: the table holds %d, want %d", step, tab.n, len(held))
		}
		if step%97 == 0 || len(held) < 8 {
			for text, l := range held {
				if got := tab.get(text, tab.hash(text), arabic.Word); got != l {
					t.Fatalf("step %d: get(%q) = %p, want %p", step, text, got, l)
				}
			}
			n := 0
			for i := range tab.slots {
				if l := tab.slots[i].l; l != nil {
					n++
					if held[l.text] != l {
						t.Fatalf("step %d: the table holds %q, evicted", step, l.text)
					}
				}
			}
			if n != len(held) {
				t.Fatalf("step %d: %d slots in use, want %d", step, n, len(held))
			}
		}
	}
}

// TestLexemeKeepsNoText checks that a lexeme holds copies of its strings:
// the vocabulary must not keep an article's text alive.
func TestLexemeKeepsNoText(t *testing.T) {
	r := defaultRecognizerInternal(t)
	text := "قال والكويت"
	a := arabic.Analyze(text)
	tok := a.Tokens[1]
	l := r.newLexeme(tok.Text(text), tok.Kind, tok.Norm, true, new([]arabic.Segmentation))
	if l.text != "والكويت" || l.norm != tok.Norm {
		t.Fatalf("lexeme %q %q, want %q %q", l.text, l.norm, "والكويت", tok.Norm)
	}
	if unsafe.StringData(l.text) == unsafe.StringData(text[tok.Start:]) || unsafe.StringData(l.norm) == unsafe.StringData(tok.Norm) {
		t.Error("the lexeme shares the article's strings")
	}
	for _, seg := range l.readings {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(seg.Stem))); seg.Stem != "" && p >= uintptr(unsafe.Pointer(unsafe.StringData(tok.Norm))) && p < uintptr(unsafe.Pointer(unsafe.StringData(tok.Norm)))+uintptr(len(tok.Norm)) {
			t.Errorf("reading %q shares the article's strings", seg.Stem)
		}
	}
}

func defaultRecognizerInternal(t testing.TB) *Recognizer {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(gazetteer.Compile(g), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestLexemeGazID checks that a lexeme's cached gazetteer id is the one
// the gazetteer's vocabulary gives its normalized form, nonzero exactly
// for the words of the names, and that an article reads it for every
// token, looking up a token whose normalized form is not its lexeme's.
func TestLexemeGazID(t *testing.T) {
	g, err := gazetteer.Load("tiny.yaml", strings.NewReader(`entries:
  - {id: country:KW, type: COUNTRY, name: Kuwait, name_ar: الكويت}
  - {id: org:ku, type: ORG, name: Kuwait University, name_ar: جامعة الكويت}
  - {id: person:x, type: PERSON, name: Samir Kassir, name_ar: سمير قصير}
`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(gazetteer.Compile(g), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		word  string
		known bool // a token of a name
	}{
		{"first and last token", "الكويت", true},
		{"first token", "جامعة", true},
		{"last token only", "قصير", true},
		{"first token of a person", "سمير", true},
		{"with a proclitic", "والكويت", false},
		{"unknown word", "بيروت", false},
		{"article alone stripped", "كويت", false},
		{"number", "2026", false},
		{"the English name", "Kuwait", true},
		{"latin unknown", "Beirut", false},
		{"punctuation", "،", false},
	}
	seen := map[uint32]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arabic.Analyze(tt.word)
			if len(a.Tokens) != 1 {
				t.Fatalf("%q: %d tokens, want 1", tt.word, len(a.Tokens))
			}
			tok := a.Tokens[0]
			l := r.newLexeme(tok.Text(a.Text), tok.Kind, tok.Norm, true, new([]arabic.Segmentation))
			if want := r.gaz.TokenID(tok.Norm); l.gazID != want {
				t.Errorf("gazID %d, want TokenID(%q) = %d", l.gazID, tok.Norm, want)
			}
			if got := l.gazID != 0; got != tt.known {
				t.Errorf("gazID %d: known %v, want %v", l.gazID, got, tt.known)
			}
			if other, dup := seen[l.gazID]; dup && l.gazID != 0 {
				t.Errorf("gazID %d shared with %q", l.gazID, other)
			}
			seen[l.gazID] = tt.word
		})
	}

	text := "زار سمير قصير جامعة الكويت ثم غادر الكويت والكويت"
	for pass := range 2 { // the second pass reads the cached lexemes
		a := arabic.Analyze(text)
		scr := r.getScratch()
		d := r.newArticle(a, scr)
		ids, starts := d.gazIDs()
		for k, tok := range a.Tokens {
			if want := r.gaz.TokenID(tok.Norm); ids[k] != want {
				t.Errorf("pass %d, token %d %q: id %d, want %d", pass, k, tok.Norm, ids[k], want)
			}
			if want := r.gaz.AppendStarts(nil, tok.Text(text), tok.Kind, tok.Norm); !slices.Equal(starts[k], want) {
				t.Errorf("pass %d, token %d %q: starts %v, want %v", pass, k, tok.Norm, starts[k], want)
			}
		}
		if len(starts[8]) != 1 || starts[8][0].Proclitics() != "و" {
			t.Errorf("pass %d: starts of والكويت %v, want one, after و", pass, starts[8])
		}
		// A token whose form another analysis normalized otherwise is
		// looked up, not read from the lexeme: an analysis made by no
		// tokenizer (a literal, which arabic.Analysis.Tokenizer does not
		// name) with a token changed.
		changed := &arabic.Analysis{Text: a.Text, Tokens: slices.Clone(a.Tokens), Sentences: a.Sentences}
		changed.Tokens[0].Norm = a.Tokens[4].Norm // زار as الكويت
		dc := d
		dc.a = changed
		if ids, _ := dc.gazIDs(); ids[0] == 0 || ids[0] != ids[4] {
			t.Errorf("pass %d: changed norm: id %d, want %d (nonzero)", pass, ids[0], ids[4])
		}
		r.putScratch(scr)
	}
}

// TestLexTable checks the vocabulary's table: forms short enough for a
// slot and longer ones, a form held with another kind, and forms that
// share all of a slot's bytes but not their length, through the table's
// growth.
func TestLexTable(t *testing.T) {
	long := strings.Repeat("ب", lexSlotKey) // 2 × lexSlotKey bytes
	held := []*lexeme{
		{text: "مصر", kind: arabic.Word},
		{text: "2024", kind: arabic.Number},
		{text: long, kind: arabic.Word},
		{text: long + "ا", kind: arabic.Word},
		{text: strings.Repeat("x", lexSlotKey), kind: arabic.Word},
	}
	for i := range 3000 { // grows the table from 1,024 slots to 8,192
		held = append(held, &lexeme{text: fmt.Sprintf("w%d", i), kind: arabic.Word})
	}
	tab := lexTable{seed: newVocab(1).seed}
	for _, l := range held {
		tab.add(l, tab.hash(l.text))
	}
	if tab.n != len(held) || len(tab.slots) != 8192 {
		t.Fatalf("%d lexemes in %d slots, want %d in 8192", tab.n, len(tab.slots), len(held))
	}
	tests := []struct {
		name string
		text string
		kind arabic.Kind
		want *lexeme // nil: not held
	}{
		{"short", "مصر", arabic.Word, held[0]},
		{"number", "2024", arabic.Number, held[1]},
		{"long", long, arabic.Word, held[2]},
		{"long, one letter more", long + "ا", arabic.Word, held[3]},
		{"slot's length exactly", strings.Repeat("x", lexSlotKey), arabic.Word, held[4]},
		{"added before the growth", "w0", arabic.Word, held[5]},
		{"added last", "w2999", arabic.Word, held[len(held)-1]},
		{"another kind", "مصر", arabic.Number, nil},
		{"a prefix", "مص", arabic.Word, nil},
		{"one byte more than the slot's", strings.Repeat("x", lexSlotKey+1), arabic.Word, nil},
		{"long, one letter less", long[:len(long)-2], arabic.Word, nil},
		{"never added", "w3000", arabic.Word, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tab.get(tt.text, tab.hash(tt.text), tt.kind); got != tt.want {
				t.Errorf("get(%x, %d) = %p, want %p", tt.text, tt.kind, got, tt.want)
			}
		})
	}
	if got := tab.holds("مصر", tab.hash("مصر")); got != held[0] {
		t.Errorf("holds(مصر) = %p, want %p, whatever the kind", got, held[0])
	}
}

// TestVocabConcurrent recognizes the same articles on several goroutines
// sharing a small vocabulary, which evicts lexemes all the time, and
// checks that each finds what one goroutine alone finds (run with -race).
func TestVocabConcurrent(t *testing.T) {
	texts := []string{
		"زار سمير قصير جامعة الكويت ثم غادر الكويت والكويت",
		"قال الرئيس المصري عبد الفتاح السيسي في القاهرة إن مصر والسعودية تتفقان",
		"وصل وزير الخارجية الأمريكي إلى عمان والتقى ملك الأردن عبدالله الثاني",
	}
	r := defaultRecognizerInternal(t)
	var want [][]Mention
	for _, text := range texts {
		want = append(want, r.Recognize(arabic.Analyze(text)))
	}
	if len(want[1]) == 0 {
		t.Fatal("no mention in the second text: the comparison proves little")
	}
	r = defaultRecognizerInternal(t)
	r.vocab = newVocab(8) // fewer forms than an article holds
	var wg sync.WaitGroup
	errs := make(chan string, 4*20*len(texts))
	for g := range 4 {
		wg.Go(func() {
			for i := range 20 {
				k := (g + i) % len(texts)
				if got := r.Recognize(arabic.Analyze(texts[k])); !reflect.DeepEqual(got, want[k]) {
					errs <- fmt.Sprintf("goroutine %d, text %d: %+v, want %+v", g, k, got, want[k])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestGazIDsMixedFolds checks gazIDs against the gazetteer's own lookups
// of each token when analyses of the Recognizer's tokenizer and of other
// folds meet the same forms, in both orders: the lexemes made from the
// first keep its norms, which gazIDs trusts (lexOwnNorm) only for an
// analysis of the Recognizer's tokenizer made from its lexemes.
func TestGazIDsMixedFolds(t *testing.T) {
	text := "زار الرئيس مصر والكويت وقال إن أمريكا ستدعم الأردن وإيران"
	other := arabic.NewTokenizer(arabic.Default &^ (arabic.FoldAlef | arabic.FoldTehMarbuta))
	for _, order := range [][]string{{"own", "other", "own"}, {"other", "own", "other"}} {
		r := defaultRecognizerInternal(t)
		for _, name := range order {
			a := arabic.Analyze(text)
			if name == "other" {
				a = other.Analyze(text)
			}
			d := r.newArticle(a, new(scratch))
			ids, starts := d.gazIDs()
			for k, tok := range a.Tokens {
				wantStarts := r.gaz.AppendStarts(nil, tok.Text(a.Text), tok.Kind, tok.Norm)
				if want := r.gaz.TokenID(tok.Norm); ids[k] != want || !slices.Equal(starts[k], wantStarts) {
					t.Errorf("%v, %s analysis, token %q (% x): id %d, starts %v; want %d, %v", order, name, tok.Norm, tok.Norm, ids[k], starts[k], want, wantStarts)
				}
			}
		}
	}
}

// listWords returns every word of r's lists and of its gazetteer's people.
func listWords(r *Recognizer) map[string]bool {
	rr := r.rules
	words := map[string]bool{}
	for _, s := range []set{rr.common, rr.stops, rr.fillers, rr.orgHeads, rr.speechVerbs, rr.placePrefixes, rr.given, rr.givenAmbiguous, rr.connectors, rr.notNameWords, r.personWords} {
		for w := range s {
			words[w] = true
		}
	}
	for _, p := range []phrases{rr.titles, rr.placeHeads} {
		for w := range p {
			words[w] = true
		}
	}
	return words
}

// TestFactsMatchLists checks rules.facts against the lists it sums up,
// for every word of the lists and the forms of a text.
func TestFactsMatchLists(t *testing.T) {
	r := defaultRecognizerInternal(t)
	rr := r.rules
	words := listWords(r)
	for _, tok := range arabic.Tokenize("قال وزير الخارجية الكويتي الشيخ محمد إن الرئيس الأمريكي باراك أوباما سيزور والكويت في ٢٠١٤") {
		words[tok.Norm] = true
	}
	for w := range words {
		f := rr.facts.get(w)
		for _, c := range []struct {
			fact wordFact
			in   bool
		}{
			{factCommon, rr.common[w]}, {factNameStop, rr.stops[w]}, {factFiller, rr.fillers[w]},
			{factTitle, rr.titles[w] != nil}, {factOrgHead, rr.orgHeads[w]}, {factPlaceHead, rr.placeHeads[w] != nil},
			{factSpeechVerb, rr.speechVerbs[w]}, {factPlacePrefix, rr.placePrefixes[w]}, {factGiven, rr.given[w]},
			{factGivenAmbiguous, rr.givenAmbiguous[w]}, {factConnector, rr.connectors[w]}, {factNotName, rr.notNameWords[w]},
			{factPersonWord, r.personWords[w]},
		} {
			if (f&c.fact != 0) != c.in {
				t.Errorf("%q (% x): fact %b is %v, the list says %v", w, w, c.fact, f&c.fact != 0, c.in)
			}
		}
		if commonFact(f, w) != rr.isCommon(w) {
			t.Errorf("%q (% x): commonFact %v, isCommon %v", w, w, commonFact(f, w), rr.isCommon(w))
		}
	}
}

// TestListCodeMatchesLists checks each lexeme's list code (listCode, from
// the facts newLexeme looked up) against the code the word lists give
// (listCodeFromLists), for every word of the lists and of the gazetteer's
// people, alone and after the proclitics و، ب، ل، وال and بال, and for the
// words of a text.
func TestListCodeMatchesLists(t *testing.T) {
	r := defaultRecognizerInternal(t)
	words := listWords(r)
	var texts []string
	for w := range words {
		for _, p := range []string{"", "و", "ب", "ل", "وال", "بال"} {
			texts = append(texts, p+w)
		}
	}
	texts = append(texts, strings.Fields("قال وزير الخارجية الكويتي الشيخ محمد إن الرئيس الأمريكي باراك أوباما سيزور والكويت وبالرئيس لمحمد")...)
	letters := map[byte]int{}
	segs := new([]arabic.Segmentation)
	for _, text := range texts {
		a := arabic.Analyze(text)
		if len(a.Tokens) != 1 {
			continue
		}
		tok := a.Tokens[0]
		l := r.newLexeme(tok.Text(a.Text), tok.Kind, tok.Norm, true, segs)
		want := listCodeFromLists(r, l)
		if l.lists != want {
			t.Errorf("%q (% x): list code %q, the lists give %q", text, text, l.lists, want)
		}
		for i := range len(want) {
			letters[want[i]]++
		}
	}
	for i := range len(listLetters) {
		if letters[listLetters[i]] == 0 {
			t.Errorf("no word has the letter %c: the test proves little", listLetters[i])
		}
	}
}

// listCodeFromLists is listCode as the word lists define it: each looked
// up in its list.
func listCodeFromLists(r *Recognizer, l *lexeme) string {
	rr := r.rules
	var b []byte
	add := func(ok bool, c byte) {
		if ok {
			b = append(b, c)
		}
	}
	add(rr.given[l.norm], 'G')
	given, title, org := false, false, false
	for _, seg := range l.readings {
		if seg.Proclitics == "" {
			continue
		}
		given = given || rr.given[seg.Stem]
		title = title || rr.titles[seg.Stem] != nil
		org = org || rr.orgHeads[seg.Stem]
	}
	add(given && !rr.given[l.norm], 'g')
	add(rr.titles[l.norm] != nil || title, 'T')
	add(rr.speechVerbs[l.norm], 'V')
	add(rr.orgHeads[l.norm] || org, 'O')
	add(rr.placeHeads[l.norm] != nil, 'P')
	add(rr.fillers[l.norm], 'F')
	add(rr.connectors[l.norm], 'K')
	add(r.personWords[l.norm], 'N')
	add(rr.common[l.norm], 'C')
	add(arabic.IsStopWord(l.norm), 'S')
	return string(b)
}

// TestStemsFromLexemes checks the stems that recognition gives an
// analysis from its lexemes (article.lexemeStem, arabic.Analysis.StemsWith)
// against those the analysis computes itself, for analyses of the
// Recognizer's tokenizer and of other folds meeting the same forms, and
// for words the stemmer cuts at each of its prefixes.
func TestStemsFromLexemes(t *testing.T) {
	texts := []string{
		"زار الرئيس مصر والكويت وقال إن أمريكا ستدعم الأردن وإيران",
		"والمعلمون بالمدرسة كالبحر فالسيارة للطلاب والطالبات وولد ووالد",
	}
	other := arabic.NewTokenizer(arabic.Default &^ (arabic.FoldAlef | arabic.FoldTehMarbuta))
	r := defaultRecognizerInternal(t)
	fromLexemes := 0
	for _, text := range texts {
		for _, a := range []*arabic.Analysis{arabic.Analyze(text), other.Analyze(text), arabic.Analyze(text)} {
			want := slices.Clone(arabic.NewTokenizer(arabic.Default).Analyze(text).Stems())
			if a.Tokenizer() != arabic.NewTokenizer(arabic.Default) {
				want = slices.Clone((&arabic.Analysis{Text: a.Text, Tokens: a.Tokens}).Stems())
			}
			d := r.newArticle(a, new(scratch))
			for k := range a.Tokens {
				stem, ok := d.lexemeStem(k)
				if !ok {
					continue
				}
				fromLexemes++
				// The stem is the article's bytes, not the lexeme's (the
				// stages after recognition read them: see lexemeStem).
				if norm := a.Tokens[k].Norm; stem != "" && !sharesBytes(stem, norm) {
					t.Errorf("%q: the stem %q of token %d (%q) is not a part of the token's Norm", text, stem, k, norm)
				}
			}
			if got := a.StemsWith(d.lexemeStem); !slices.Equal(got, want) {
				t.Errorf("%q: stems %q, want %q", text, got, want)
			}
		}
	}
	if fromLexemes == 0 {
		t.Error("no stem came from a lexeme: the test proves little")
	}
}

// sharesBytes reports whether the bytes of part lie within those of s.
func sharesBytes(part, s string) bool {
	p, q := uintptr(unsafe.Pointer(unsafe.StringData(part))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= q && p+uintptr(len(part)) <= q+uintptr(len(s))
}

// TestFactTable checks factTable.get after adds: the facts of a word are
// the union of its adds, and a word never added (or the zero table) has
// none, whatever the filter lets through.
func TestFactTable(t *testing.T) {
	ft := newFactTable()
	ft.add("وزير", factTitle)
	ft.add("وزير", factCommon)
	ft.add("محمد", factGiven)
	ft.add("", factNameStop)
	// The same words behind a filter that lets every word through, so
	// that the words never added are answered by the map.
	open := newFactTable()
	for w, f := range ft.m {
		open.add(w, f)
	}
	for i := range open.filter {
		open.filter[i] = ^uint64(0)
	}
	for _, c := range []struct {
		name string
		tab  *factTable
		w    string
		want wordFact
	}{
		{"two adds", &ft, "وزير", factTitle | factCommon},
		{"one add", &ft, "محمد", factGiven},
		{"the empty word", &ft, "", factNameStop},
		{"a prefix of a word", &ft, "وزي", 0},
		{"a word one letter longer", &ft, "وزيرا", 0},
		{"a word never added", &ft, "الكويت", 0},
		{"the zero table", &factTable{}, "وزير", 0},
		{"two adds, open filter", &open, "وزير", factTitle | factCommon},
		{"a prefix of a word, open filter", &open, "وزي", 0},
		{"a word never added, open filter", &open, "الكويت", 0},
	} {
		if got := c.tab.get(c.w); got != c.want {
			t.Errorf("%s: get(%q) = %b, want %b", c.name, c.w, got, c.want)
		}
	}
}
