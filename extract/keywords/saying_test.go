package keywords_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/extract/keywords"
)

// reporting is an English article written for this test, in which every
// sentence reports speech, with the verbs of saying in their forms (said,
// says, told, tells, added, adds, stated, warned, warns, urged, insisted,
// announced, confirmed, tweeted) two times or more, and Snowball stop words
// (would, could, their, should) more often than any content word. Read by
// hand, its subjects are the water deal, the desalination plant and the
// talks; no verb of saying is a keyword.
const reporting = "Water deal talks stall\n\n" +
	"The water deal talks stalled on Sunday, officials said. The desalination plant would supply three cities, the ministry said. " +
	"Engineers told reporters the desalination plant could open next year. The ministry tells engineers their work should go on. " +
	"“The water deal is close,” an engineer added, and a second engineer adds that the water deal could still fail. " +
	"The ministry stated that the desalination plant would cost more. Analysts warned that the talks could stall again, " +
	"and one warns that the water deal talks would need their leaders. Officials urged calm and urged the talks on. " +
	"The ministry insisted, and insisted again, that the water deal talks would resume. It announced and confirmed " +
	"a new round; it confirmed it in a statement it announced on Monday. The minister tweeted, and tweeted again, " +
	"that the desalination plant should open. He says the water deal is near; she says it is not, and says so often. " +
	"He stated it twice, and warned and told them so. The ministry tells the cities so too, an engineer added; " +
	"another adds that the ministry warns the cities, as it warns everyone."

func TestExtractEnglishNoSayingVerbs(t *testing.T) {
	got := englishKeywords(t, reporting, 30)
	t.Logf("keywords: %q", got)
	for _, k := range got {
		for _, w := range strings.Fields(strings.ToLower(k)) {
			if english.IsSayingVerb(w) {
				t.Errorf("keyword %q holds the verb of saying %q", k, w)
			}
		}
		allStop := true
		for _, w := range strings.Fields(strings.ToLower(k)) {
			allStop = allStop && english.IsStopWord(w)
		}
		if allStop {
			t.Errorf("keyword %q is only stop words", k)
		}
	}
	has := map[string]bool{}
	for _, k := range got {
		has[k] = true
	}
	for _, c := range []struct {
		name string
		must []string
	}{
		{"the article's subjects, repeated phrases", []string{"water deal", "desalination plant"}},
		{"a repeated word", []string{"ministry"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, w := range c.must {
				if !has[w] {
					t.Errorf("%q is not a keyword; keywords: %q", w, got)
				}
			}
		})
	}
	for _, c := range []struct {
		name string
		w    string
	}{
		{"said", "said"}, {"says", "says"}, {"told", "told"}, {"tells", "tells"}, {"added", "added"}, {"adds", "adds"},
		{"stated", "stated"}, {"warned", "warned"}, {"warns", "warns"}, {"urged", "urged"}, {"insisted", "insisted"},
		{"announced", "announced"}, {"confirmed", "confirmed"}, {"tweeted", "tweeted"},
		{"Snowball stop word would", "would"}, {"Snowball stop word could", "could"}, {"Snowball stop word their", "their"},
	} {
		t.Run("not "+c.name, func(t *testing.T) {
			if strings.Count(strings.ToLower(reporting), c.w) < 2 {
				t.Fatalf("%q is not in the article twice: the test does not test it", c.w)
			}
			for _, k := range got {
				if strings.EqualFold(k, c.w) {
					t.Errorf("%q is a keyword", k)
				}
			}
		})
	}
}

// TestExtractEnglishContractions runs an article written for this test in
// which won't and can't, straight and curly, stand five and four times:
// prose cuts them wo|n't and ca|n't, and neither stem is a keyword or part
// of one (before english.Analyzer gave them the Norm will and can, "talks
// wo" and "ca" were keywords here). Read by hand, its subjects are the
// talks and the deal.
func TestExtractEnglishContractions(t *testing.T) {
	const text = "Talks won't resume\n\nThe ministers won't meet on Monday, and the talks won’t resume this week. " +
		"Officials can't say when the ministers will meet. They can’t agree on the talks and won't sign a deal. " +
		"The deal can't wait, officials said, and it won't wait long; it can't."
	got := englishKeywords(t, text, 10)
	has := map[string]bool{}
	for _, k := range got {
		has[k] = true
		for _, w := range strings.FieldsFunc(strings.ToLower(k), func(r rune) bool { return r == ' ' || r == '\'' || r == '’' }) {
			if w == "wo" || w == "ca" || w == "won" || w == "can" || w == "t" {
				t.Errorf("keyword %q holds part of won't or can't", k)
			}
		}
	}
	for _, w := range []string{"talks", "deal"} {
		if !has[w] {
			t.Errorf("%q is not a keyword; keywords: %q", w, got)
		}
	}
}

// TestExtractEnglishCurlyContractions runs an article written for this
// test with the contractions prose keeps whole (we’ve, they’ve, I’d,
// they’d, you’ve), typeset with curly apostrophes, twice or more each:
// none is a keyword (before english.IsStopWord took ’ for ', "they’ve" and
// "I’d" were). Read by hand, its subjects are the ministers and meeting.
func TestExtractEnglishCurlyContractions(t *testing.T) {
	const text = "Ministers meet in Doha\n\n“We’ve waited long enough,” the minister said. “We’ve talked and they’ve listened, " +
		"and I’d say we’d agree.” Officials said they’d meet again; the ministers said they’ve met twice. I’d go, she said. " +
		"You’ve seen it, you’d agree, and you’ve said so."
	got := englishKeywords(t, text, 10)
	for _, k := range got {
		if strings.ContainsAny(k, "'’") {
			t.Errorf("keyword %q holds a contraction", k)
		}
	}
	if !slices.Contains(got, "meet") {
		t.Errorf("meet is not a keyword; keywords: %q", got)
	}
}

// englishKeywords returns the texts of the n best keywords of an English
// article, analysed as package extract analyses one (english.Analyzer).
func englishKeywords(t *testing.T, text string, n int) []string {
	t.Helper()
	a, err := english.NewAnalyzer().Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return texts(keywords.Extract(a, n, keywords.Options{English: true}))
}
