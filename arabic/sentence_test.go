package arabic

import (
	"os"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"period", "قال ذلك. ثم ذهب.", []string{"قال ذلك.", "ثم ذهب."}},
		{"question and exclamation", "هل جاء؟ نعم! حقا؟!", []string{"هل جاء؟", "نعم!", "حقا؟!"}},
		{"latin question mark", "What? Yes.", []string{"What?", "Yes."}},
		{"line break", "عنوان الخبر\nنص الخبر", []string{"عنوان الخبر", "نص الخبر"}},
		{"paragraph", "فقرة أولى\n\nفقرة ثانية", []string{"فقرة أولى", "فقرة ثانية"}},
		{"crlf", "سطر\r\nسطر آخر", []string{"سطر", "سطر آخر"}},
		{"closing guillemet stays", "قال: «انتهى الأمر.» ثم ذهب.", []string{"قال: «انتهى الأمر.»", "ثم ذهب."}},
		{"closing bracket stays", "(قال ذلك.) ثم ذهب", []string{"(قال ذلك.)", "ثم ذهب"}},
		{"adjacent straight quote stays", `قال "انتهى." ثم ذهب`, []string{`قال "انتهى."`, "ثم ذهب"}},
		{"spaced straight quote opens the next", `انتهى. "ثم" ذهب`, []string{"انتهى.", `"ثم" ذهب`}},
		{"period after the closing guillemet", "«هذه حرب رهيبة.. تهدف إلى تجنيد». واعتبر أن", []string{"«هذه حرب رهيبة.. تهدف إلى تجنيد».", "واعتبر أن"}},
		{"ellipsis inside a line does not split", "رهيبة.. تهدف … إلى", []string{"رهيبة.. تهدف … إلى"}},
		{"ellipsis at a line end", "انتظر...\nثم", []string{"انتظر...", "ثم"}},
		{"no split inside a decimal", "ارتفع 3.5 بالمئة. ثم", []string{"ارتفع 3.5 بالمئة.", "ثم"}},
		{"no split inside a date", "في 10/28/2014 قال", []string{"في 10/28/2014 قال"}},
		{"doctor abbreviation", "قال د. محمد إن", []string{"قال د. محمد إن"}},
		{"miladi year", "ولد عام 1950 م. في القاهرة", []string{"ولد عام 1950 م. في القاهرة"}},
		{"hijri year with tatweel", "توفي سنة 505 هـ. في طوس", []string{"توفي سنة 505 هـ. في طوس"}},
		{"latin initials", "U.S. forces left.", []string{"U.S. forces left."}},
		{"latin title", "Dr. Smith said.", []string{"Dr. Smith said."}},
		{"spaced period is not an abbreviation", "كتب ب . ثم", []string{"كتب ب .", "ثم"}},
		{"share label", "مشاركة :", []string{"مشاركة :"}},
		{"empty", "", nil},
		{"spaces", "  \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			sents := Sentences(tt.in, toks)
			var got []string
			for _, s := range sents {
				got = append(got, tt.in[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkSentences(t, tt.in, toks, sents)
		})
	}
}

// checkSentences checks the invariants that hold for the sentences of any
// text: in order, covering every token once, with only spaces and controls
// between them.
func checkSentences(t *testing.T, text string, toks []Token, sents []Sentence) {
	t.Helper()
	next := 0
	prevEnd := 0
	for i, s := range sents {
		if s.FirstToken != next || s.EndToken <= s.FirstToken || s.EndToken > len(toks) {
			t.Fatalf("sentence %d holds tokens [%d,%d), want to start at %d of %d", i, s.FirstToken, s.EndToken, next, len(toks))
		}
		next = s.EndToken
		if s.Start != toks[s.FirstToken].Start || s.End != toks[s.EndToken-1].End ||
			s.RuneStart != toks[s.FirstToken].RuneStart || s.RuneEnd != toks[s.EndToken-1].RuneEnd {
			t.Fatalf("sentence %d offsets %+v do not match its tokens", i, s.Offsets)
		}
		for _, r := range text[prevEnd:s.Start] {
			if c := classOf(r); c != clsSpace && c != clsControl {
				t.Fatalf("%q between sentences %d and %d", r, i-1, i)
			}
		}
		prevEnd = s.End
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

func TestReferenceSentences(t *testing.T) {
	data, err := os.ReadFile(referenceArticle)
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(string(data))
	checkSentences(t, a.Text, a.Tokens, a.Sentences)
	// Counted by hand: the headline, five lines of page furniture
	// (date, time, three counters), "news-picture", the body's 19
	// sentences, and "مشاركة :".
	if got, want := len(a.Sentences), 27; got != want {
		t.Errorf("%d sentences, want %d", got, want)
	}
	want := "وكان آلن يتكلم أمام ممثلين عن البحرين والسعودية وبريطانيا ومصر وفرنسا والعراق والأردن ولبنان وسلطنة عمان وقطر والإمارات."
	found := false
	for _, s := range a.Sentences {
		found = found || a.Text[s.Start:s.End] == want
	}
	if !found {
		t.Errorf("no sentence %q", want)
	}
	for k := range a.Tokens {
		s := a.SentenceOf(k)
		if s < 0 || k < a.Sentences[s].FirstToken || k >= a.Sentences[s].EndToken {
			t.Fatalf("SentenceOf(%d) = %d", k, s)
		}
	}
	if got := a.SentenceOf(len(a.Tokens)); got != -1 {
		t.Errorf("SentenceOf(past the end) = %d, want -1", got)
	}
}

// TestLineBreakBetween compares lineBreakBetween with a search of the
// whole span for every break, on every span of a few characters of
// spaces, breaks, letters and broken bytes.
func TestLineBreakBetween(t *testing.T) {
	parts := []string{" ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u2028", "\u2029", "\u00a0", "\u200f", "ك", "\xe2", "\x80", "a"}
	var rec func(s string, n int)
	rec = func(s string, n int) {
		for from := 0; from <= len(s); from++ {
			for to := from; to <= len(s); to++ {
				if got, want := lineBreakBetween(s, from, to), strings.ContainsAny(s[from:to], lineBreaks); got != want {
					t.Fatalf("lineBreakBetween(%q, %d, %d) = %v, want %v", s, from, to, got, want)
				}
			}
		}
		if n > 0 {
			for _, p := range parts {
				rec(s+p, n-1)
			}
		}
	}
	rec("", 3)
}
