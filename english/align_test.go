package english

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAlign checks the aligner on prose's own tokens of the text: the
// spans are in order, do not overlap and lie inside the text; each one's
// text reads as its prose token (matchAt), and is that token byte for
// byte when the text holds none of the quotes prose rewrites; a span never
// lies in a run masked from prose; and prose's tokens are all found when
// prose rewrote and dropped nothing (no quotes, no possessive or
// apostrophe, no long run).
func FuzzAlign(f *testing.F) {
	for _, s := range []string{
		"“Stéphane Dujarric’s view,” he said — ok 🙂", "Qatar's, (Allen's)", "don&rsquo;t they'll I'm we're",
		"‘Hello’ 'x' \"y\"", "DOHA—Oil 3-1 2.4% U.S. e.g.", "قال آلن (John Allen's) —", "a\u00a0b\u2028c",
		"x " + strings.Repeat(")", 120) + " y", "$100 [a] (b) c! d? e: f;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		masked, long := maskLongRuns(s)
		if len(masked) != len(s) {
			t.Fatalf("masked text is %d bytes, the text %d", len(masked), len(s))
		}
		words, ok := proseTokens(masked)
		if !ok {
			t.Skip("prose panicked")
		}
		spans := align(s, words, long)
		rewrites := strings.ContainsAny(s, "“”‘’") || strings.Contains(s, "&rsquo;")
		prev, prevWord := 0, -1
		for i, sp := range spans {
			if sp.start < prev || sp.end <= sp.start || sp.end > len(s) || sp.word <= prevWord || sp.word >= len(words) {
				t.Fatalf("span %d [%d,%d) word %d after %d, word %d, in %q", i, sp.start, sp.end, sp.word, prev, prevWord, s)
			}
			w := words[sp.word]
			if end, ok := matchAt(s, sp.start, w); !ok || end != sp.end {
				t.Fatalf("span %d %q does not read as prose's %q", i, s[sp.start:sp.end], w)
			}
			if !rewrites && s[sp.start:sp.end] != w {
				t.Fatalf("span %d %q is not prose's %q", i, s[sp.start:sp.end], w)
			}
			for _, r := range long {
				if sp.start < r[1] && sp.end > r[0] {
					t.Fatalf("span %d [%d,%d) in the masked run [%d,%d)", i, sp.start, sp.end, r[0], r[1])
				}
			}
			prev, prevWord = sp.end, sp.word
		}
		if !rewrites && !strings.ContainsAny(s, "'") && len(long) == 0 {
			n := 0
			for _, w := range words {
				if w != "" {
					n++
				}
			}
			if len(spans) != n {
				t.Fatalf("%d of prose's %d tokens found in %q: %q", len(spans), n, s, words)
			}
		}
	})
}
