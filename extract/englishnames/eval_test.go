package englishnames_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/pipeline"
)

// goldSpan is a name marked in an evaluation article, in code points.
type goldSpan struct {
	start, end int
	typ, text  string
}

var mark = regexp.MustCompile(`\[\[([^|\]]+)\|([A-Z]+)\]\]`)

// parseMarked returns the text of an article marked [[text|TYPE]] and its
// names.
func parseMarked(s string) (string, []goldSpan) {
	var b strings.Builder
	var spans []goldSpan
	last := 0
	for _, m := range mark.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		start := utf8.RuneCountInString(b.String())
		name := s[m[2]:m[3]]
		b.WriteString(name)
		spans = append(spans, goldSpan{start, start + utf8.RuneCountInString(name), s[m[4]:m[5]], name})
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String(), spans
}

func TestParseMarked(t *testing.T) {
	text, spans := parseMarked("Gen. [[John Allen|PERSON]] met [[Stéphane|PERSON]].")
	if text != "Gen. John Allen met Stéphane." {
		t.Fatalf("text %q", text)
	}
	want := []goldSpan{{5, 15, "PERSON", "John Allen"}, {20, 28, "PERSON", "Stéphane"}}
	if len(spans) != 2 || spans[0] != want[0] || spans[1] != want[1] {
		t.Fatalf("spans %+v, want %+v", spans, want)
	}
}

// score counts the names of one set: partial (overlap, same type) and
// exact matches, and recall by type.
type score struct {
	gold, pred, partialTP, exactTP int
	goldBy, foundBy                map[string]int
}

func (s score) f1(tp int) float64 {
	if s.gold+s.pred == 0 {
		return 1
	}
	return 2 * float64(tp) / float64(s.gold+s.pred)
}

func evaluate(t *testing.T, dir string) score {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	x, err := extract.New(extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	s := score{goldBy: map[string]int{}, foundBy: map[string]int{}}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, gold := parseMarked(string(b))
		doc, err := x.Annotate(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Lang != "en" {
			t.Errorf("%s: lang %q", f, doc.Lang)
		}
		var pred []pipeline.Mention
		for _, m := range doc.Mentions {
			if m.Form != pipeline.FormAdjective {
				pred = append(pred, m)
			}
		}
		s.gold += len(gold)
		s.pred += len(pred)
		usedP := make([]bool, len(pred))
		for _, g := range gold {
			s.goldBy[g.typ]++
			found := false
			for i, p := range pred {
				if !usedP[i] && string(p.Type) == g.typ && p.Start < g.end && g.start < p.End {
					usedP[i], found = true, true
					s.partialTP++
					if p.Start == g.start && p.End == g.end {
						s.exactTP++
					}
					break
				}
			}
			if found {
				s.foundBy[g.typ]++
			} else {
				t.Logf("%s: missed %s %q", filepath.Base(f), g.typ, g.text)
			}
		}
		for i, p := range pred {
			if !usedP[i] {
				t.Logf("%s: spurious %s %q", filepath.Base(f), p.Type, p.Text)
			}
		}
	}
	t.Logf("%s: gold %d, found %d; partial F1 %.3f, exact F1 %.3f", dir, s.gold, s.pred, s.f1(s.partialTP), s.f1(s.exactTP))
	for typ, n := range s.goldBy {
		t.Logf("%s: %s recall %.3f (%d/%d)", dir, typ, float64(s.foundBy[typ])/float64(n), s.foundBy[typ], n)
	}
	return s
}

// TestEnglishDev scores the set the rules were tuned on.
func TestEnglishDev(t *testing.T) { evaluate(t, "dev") }

// TestEnglishHeldOut scores the held-out set, written with its gold before
// the code ran on it and never tuned on. Its floors are issue 12's
// targets, partial F1 0.90 and PERSON recall 0.80; the set scored 0.905
// and 0.838 when first run (docs/QUALITY.md).
func TestEnglishHeldOut(t *testing.T) {
	s := evaluate(t, "heldout")
	if f := s.f1(s.partialTP); f < 0.90 {
		t.Errorf("partial F1 %.3f, below 0.90", f)
	}
	if r := float64(s.foundBy["PERSON"]) / float64(s.goldBy["PERSON"]); r < 0.80 {
		t.Errorf("PERSON recall %.3f, below 0.80", r)
	}
}
