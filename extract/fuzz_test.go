package extract_test

import (
	"context"
	"os"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/extract"
)

var (
	fuzzOnce sync.Once
	fuzzX    *extract.Extractor
)

// FuzzRecognize checks the recognizer on any text: it never panics, and
// every mention lies inside the text on rune boundaries, its text is the
// text under its offsets (bytes and code points agree), mentions are in
// order and do not overlap, and every mention's entity is listed once
// among the entities with the right count.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"", "والإمارات لآلن بداعش للتحالف {داعش} الأميركي", "الرئيس السوري بشار الأسد ووزير الخارجية",
		"وزارة الخارجية الكويتية خالد سليمان الجار الله", "عُمان عَمّان عمان", "نصف قطر الدائرة", "a\xffب",
		"\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1 \uFEFB", "جون آلن.\nآلن آلن لآلن",
	} {
		f.Add(s)
	}
	if data, err := os.ReadFile(referenceText); err == nil {
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, text string) {
		fuzzOnce.Do(func() {
			var err error
			if fuzzX, err = extract.New(extract.Config{}); err != nil {
				t.Fatal(err)
			}
		})
		doc, err := fuzzX.Annotate(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		if want := utf8.RuneCountInString(text); doc.Stats.Chars != want {
			t.Fatalf("Stats.Chars %d, the text has %d code points", doc.Stats.Chars, want)
		}
		mentions, entities := doc.Mentions, doc.Entities
		prevEnd, prevRune := 0, 0
		counts := map[string]int{}
		for _, m := range mentions {
			if m.ByteStart < prevEnd || m.ByteEnd <= m.ByteStart || m.ByteEnd > len(text) || m.Start < prevRune {
				t.Fatalf("mention %+v out of order or bounds (previous end %d)", m, prevEnd)
			}
			prevEnd, prevRune = m.ByteEnd, m.End
			if text[m.ByteStart:m.ByteEnd] != m.Text {
				t.Fatalf("mention text %q, text under it %q", m.Text, text[m.ByteStart:m.ByteEnd])
			}
			if utf8.ValidString(text) {
				if rs := utf8.RuneCountInString(text[:m.ByteStart]); rs != m.Start || rs+utf8.RuneCountInString(m.Text) != m.End {
					t.Fatalf("mention %+v: code points do not match bytes", m)
				}
			}
			counts[m.Entity]++
		}
		for _, e := range entities {
			if counts[e.ID] != e.Count {
				t.Fatalf("entity %s count %d, mentions %d", e.ID, e.Count, counts[e.ID])
			}
			delete(counts, e.ID)
		}
		if len(counts) > 0 {
			t.Fatalf("mentions of entities not listed: %v", counts)
		}
	})
}
