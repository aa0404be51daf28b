package keywords_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/extract/keywords"
)

// talks is a short English article, written for this test; its names
// (what the entity recognizer finds) are marked by hand in talksNames.
const talks = "Oil prices rise as Gulf ceasefire talks resume\n\n" +
	"DOHA — Oil prices rose on Monday as ceasefire talks resumed in Doha. " +
	"Foreign Minister John Allen said the ceasefire talks would go on. " +
	"“Let us wait,” Allen told reporters. Qatar's Foreign Minister welcomed the talks. " +
	"Analysts said oil prices could fall if the ceasefire talks fail. " +
	"The foreign fighters left, and more foreign fighters were expected to go."

// nameAt returns the name of the n-th occurrence (from 0) of s in text.
func nameAt(t *testing.T, text, s string, n int, key string) keywords.Name {
	t.Helper()
	at := 0
	for i := 0; ; i++ {
		j := strings.Index(text[at:], s)
		if j < 0 {
			t.Fatalf("%q: no occurrence %d", s, n)
		}
		if i == n {
			start := utf8.RuneCountInString(text[:at+j])
			return keywords.Name{Start: start, End: start + utf8.RuneCountInString(s), Key: key}
		}
		at += j + len(s)
	}
}

func TestExtractEnglish(t *testing.T) {
	names := []keywords.Name{
		nameAt(t, talks, "Gulf", 0, "location:gulf"),
		nameAt(t, talks, "DOHA", 0, "city:doha"),
		nameAt(t, talks, "Doha", 0, "city:doha"),
		nameAt(t, talks, "John Allen", 0, "person:allen"),
		nameAt(t, talks, "Allen", 1, "person:allen"),
		nameAt(t, talks, "Qatar", 0, "country:QA"),
	}
	a := english.SplitPossessives(arabic.Analyze(talks))
	kw := keywords.Extract(a, 20, keywords.Options{English: true, Names: names})
	t.Logf("keywords: %q", texts(kw))
	got := map[string]bool{}
	folded := map[string]string{}
	for _, k := range kw {
		got[k.Text] = true
		if prev, ok := folded[strings.ToLower(k.Text)]; ok {
			t.Errorf("%q and %q: one keyword twice", prev, k.Text)
		}
		folded[strings.ToLower(k.Text)] = k.Text
		if r := []rune(talks); k.End > len(r) || string(r[k.Start:k.End]) != k.Text {
			t.Errorf("%q: offsets %d-%d do not hold it", k.Text, k.Start, k.End)
		}
	}
	for _, c := range []struct {
		name    string
		must    []string
		mustNot []string
	}{
		{"phrases the text repeats", []string{"ceasefire talks", "oil prices"}, nil},
		{"a name whole, in its longest form", []string{"John Allen"}, []string{"Allen", "John", "Minister John Allen", "John Allen said"}},
		{"no title word alone or as the whole phrase", nil, []string{"Foreign", "Minister", "minister", "Foreign Minister"}},
		{"lower-case foreign stays a word", []string{"foreign fighters"}, nil},
		{"case folded, shown as inside a sentence", nil, []string{"Oil prices", "Oil"}},
		{"no capitalized first word of a sentence alone", nil, []string{"Let", "let", "Analysts"}},
		{"a dateline name shown as the text writes it elsewhere", []string{"Doha"}, []string{"DOHA"}},
		{"no verb of saying, day or possessive", nil, []string{"said", "told", "Monday", "'s", "Qatar's"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, w := range c.must {
				if !got[w] {
					t.Errorf("%q is not a keyword; keywords: %q", w, texts(kw))
				}
			}
			for _, w := range c.mustNot {
				if got[w] {
					t.Errorf("%q is a keyword; keywords: %q", w, texts(kw))
				}
			}
		})
	}
}

// TestExtractEnglishOff checks that the English rules need Options.English:
// without it, the same article keeps the title word that they leave out.
func TestExtractEnglishOff(t *testing.T) {
	a := english.SplitPossessives(arabic.Analyze(talks))
	got := texts(keywords.Extract(a, 20, keywords.Options{Names: []keywords.Name{{Start: 0, End: 3, Key: "x"}}}))
	if !strings.Contains(strings.Join(got, "|"), "Minister") {
		t.Errorf("without English, no keyword holds Minister: %v", got)
	}
}

func texts(kw []keywords.Keyword) []string {
	out := make([]string, len(kw))
	for i, k := range kw {
		out[i] = k.Text
	}
	return out
}
