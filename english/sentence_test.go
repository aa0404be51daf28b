package english_test

import (
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
)

// TestSentences checks that the shared analysis splits English sentences
// where English ends them, and not after titles, initials or a.m./p.m.
func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"titles and initials", "Mr. Jeffrey Currie spoke at 3.5 p.m. on Monday. Gen. John Allen met the U.S. envoy.",
			[]string{"Mr. Jeffrey Currie spoke at 3.5 p.m. on Monday.", "Gen. John Allen met the U.S. envoy."}},
		{"marks and quotes", "He left! Did he? “Yes.” The end",
			[]string{"He left!", "Did he?", "“Yes.”", "The end"}},
		{"possessive kept in its sentence", "Kuwait’s emir spoke. Allen's envoy left.",
			[]string{"Kuwait’s emir spoke.", "Allen's envoy left."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := english.SplitPossessives(arabic.Analyze(tt.text))
			var got []string
			for _, s := range a.Sentences {
				got = append(got, a.Text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences %q\nwant %q", got, tt.want)
			}
		})
	}
}
