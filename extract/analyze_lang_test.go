package extract_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/pipeline"
)

// TestAnalyzeByLanguage checks that the Analyze stage gives an English
// article prose's cuts (won't as wo|n't, english.Analyzer) and leaves an
// Arabic article with a Latin gloss on alam's own tokens (won't whole).
func TestAnalyzeByLanguage(t *testing.T) {
	for _, tt := range []struct {
		name, text, lang string
		want             []string // the tokens around won't, by hand
	}{
		{"English", "Kuwait's foreign minister said the Gulf states won't meet in Riyadh next week, officials told reporters.", "en",
			[]string{"states", "wo", "n't", "meet"}},
		{"Arabic with a Latin gloss", "قال المبعوث الأميركي جون آلن (John Allen won't) إن التحالف الدولي يحقق تقدما في الحرب على تنظيم داعش في العراق.", "ar",
			[]string{"Allen", "won't", ")"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := &pipeline.Document{Text: tt.text}
			if err := extract.Analyze().Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if doc.Lang != tt.lang {
				t.Fatalf("lang %q, want %q", doc.Lang, tt.lang)
			}
			a := doc.Analysis.(*arabic.Analysis)
			var toks []string
			for _, k := range a.Tokens {
				toks = append(toks, k.Text(a.Text))
			}
			if joined := "|" + strings.Join(toks, "|") + "|"; !strings.Contains(joined, "|"+strings.Join(tt.want, "|")+"|") {
				t.Errorf("tokens %q do not hold %q", toks, tt.want)
			}
			if doc.Stats.Tokens != len(a.Tokens) {
				t.Errorf("stats give %d tokens, the analysis %d", doc.Stats.Tokens, len(a.Tokens))
			}
		})
	}
}

// TestAnalyzeConcurrent runs one Analyze stage on English articles from
// several goroutines (run with -race): the English analyzer is shared.
func TestAnalyzeConcurrent(t *testing.T) {
	stage := extract.Analyze()
	texts := []string{
		"“Stéphane Dujarric’s view,” he said. They'll meet in Doha.",
		"KUWAIT CITY — Kuwait's foreign minister said on Tuesday that the council won't meet.",
	}
	want := make([]int, len(texts))
	for i, s := range texts {
		doc := &pipeline.Document{Text: s}
		if err := stage.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		want[i] = doc.Stats.Tokens
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for n := range 50 {
				i := (g + n) % len(texts)
				doc := &pipeline.Document{Text: texts[i]}
				if err := stage.Process(context.Background(), doc); err != nil {
					t.Error(err)
					return
				}
				if doc.Stats.Tokens != want[i] {
					t.Errorf("text %d: %d tokens, %d alone", i, doc.Stats.Tokens, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestAnalyzeChars checks Stats.Chars against the code points of the
// whole text counted: Arabic, English (prose's tokens), text after the
// last token, invalid UTF-8 and no tokens at all.
func TestAnalyzeChars(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"empty", ""},
		{"spaces only", "  \n\t "},
		{"Arabic", "قال وزير الخارجية الكويتي إن المجلس سيجتمع."},
		{"Arabic with tashkeel and spaces after", "مُحَمَّد بن راشد  \n\n"},
		{"English", "Kuwait's foreign minister said the Gulf states won't meet.  "},
		{"invalid UTF-8 inside and after", "قال \xff\xfe وزير \xc3"},
		{"emoji and marks", "زار 🇰🇼 الكويت… «اليوم»\u200f"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := &pipeline.Document{Text: tt.text}
			if err := extract.Analyze().Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if want := utf8.RuneCountInString(tt.text); doc.Stats.Chars != want {
				t.Errorf("Chars %d, the text has %d code points", doc.Stats.Chars, want)
			}
		})
	}
}
