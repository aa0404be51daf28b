package eval

import (
	"strings"
	"testing"
)

// FuzzReadCoNLL checks the CoNLL reader on any input: it never panics;
// when it accepts the input, every sentence has as many tags as tokens,
// every tag is O, B-X or I-X, and the chunks of the tags lie inside the
// sentence, in order, without overlapping.
func FuzzReadCoNLL(f *testing.F) {
	for _, s := range []string{
		"", "الكويت B-LOC\nتدعو O\n\nجون\tB-PERS\r\nآلن I-PERS\n",
		"a O\nb LOC\n", "x I-ORG\ny I-ORG\nz B-ORG\n", " O\n\t\n", "a b c B-MISC\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL("fuzz", strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Tokens) != len(s.Tags) || len(s.Tokens) == 0 {
				t.Fatalf("sentence with %d tokens and %d tags", len(s.Tokens), len(s.Tags))
			}
			for _, tag := range s.Tags {
				if tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") {
					t.Fatalf("tag %q", tag)
				}
			}
			end := 0
			for _, c := range Chunks(s.Tags) {
				if c.Start < end || c.End <= c.Start || c.End > len(s.Tags) {
					t.Fatalf("chunk %+v after %d in %d tags", c, end, len(s.Tags))
				}
				end = c.End
			}
		}
	})
}
