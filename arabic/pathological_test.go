package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// pathological holds inputs built of long runs of one kind of rune: the
// shapes on which a scanner that looks ahead can turn quadratic.
func pathological(n int) []struct{ name, text string } {
	return []struct{ name, text string }{
		{"tatweel", "ك" + strings.Repeat("\u0640", n) + "تب"},
		{"zwj", "ك" + strings.Repeat("\u200d", n) + "تب"},
		{"zwnj", "ك" + strings.Repeat("\u200c", n) + "تب"},
		{"bidi-marks", "ك" + strings.Repeat("\u200f\u200e", n/2) + "تب"},
		{"bidi-embeddings", "ك" + strings.Repeat("\u202b\u202c", n/2) + " تب"},
		{"tatweel-then-mark", "ك" + strings.Repeat("\u0640", n) + "\u064e"},
		{"tashkeel", "ك" + strings.Repeat("\u064e", n)},
		{"one-letter", strings.Repeat("ب", n)},
		{"punctuation", strings.Repeat("،", n)},
		{"ascii-punctuation", strings.Repeat(".", n)},
		{"arabic-digits", strings.Repeat("٣", n)},
		{"token-1MB", strings.Repeat("كتب", (1<<20)/6)},
	}
}

// TestNormalizePathological checks what the normalizer makes of long runs:
// the removed runes are gone, the rest kept, and the map back to the
// original spans the whole text.
func TestNormalizePathological(t *testing.T) {
	const n = 20000
	want := map[string]string{
		"tatweel":         "كتب",
		"zwj":             "كتب",
		"zwnj":            "كتب",
		"bidi-marks":      "كتب",
		"bidi-embeddings": "ك تب",
		// The marks are stripped by the Default folds.
		"tatweel-then-mark": "ك",
		"tashkeel":          "ك",
		"one-letter":        strings.Repeat("ب", n),
		"punctuation":       strings.Repeat("،", n),
		"ascii-punctuation": strings.Repeat(".", n),
	}
	for _, tc := range pathological(n) {
		t.Run(tc.name, func(t *testing.T) {
			got := Normalize(tc.text)
			if w, ok := want[tc.name]; ok && got != w {
				t.Errorf("Normalize: got %d bytes % x..., want % x", len(got), got[:min(len(got), 16)], w[:min(len(w), 16)])
			}
			if !utf8.ValidString(got) {
				t.Errorf("Normalize: invalid UTF-8")
			}
			if again := Normalize(got); again != got {
				t.Errorf("Normalize is not idempotent")
			}
			m := Map(tc.text)
			if m.Norm != got {
				t.Errorf("Map.Norm differs from Normalize")
			}
			o := m.Span(0, len(m.Norm))
			if o.Start != 0 || o.End > len(tc.text) || o.RuneEnd-o.RuneStart != utf8.RuneCountInString(tc.text[o.Start:o.End]) {
				t.Errorf("Span(0, %d) = %+v", len(m.Norm), o)
			}
		})
	}
}

// BenchmarkNormalizePathological normalizes runs of 10^5 runes of each kind.
func BenchmarkNormalizePathological(b *testing.B) {
	for _, tc := range pathological(100000) {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			for b.Loop() {
				Normalize(tc.text)
			}
		})
	}
}
