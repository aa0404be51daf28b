package keywords

import (
	"runtime"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
)

// allocated returns the bytes that f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestExtractMemory bounds what Extract allocates per token of a long
// article. It kept every occurrence of every candidate phrase (12 bytes
// each, up to DefaultMaxWords a token, in a list grown by appends) and
// made the map of phrases for as many entries as tokens: a 15 MB article
// took over 200 MB in Extract alone.
func TestExtractMemory(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"one word", strings.Repeat("كتب ", 100000)},
		{"news", strings.Repeat("قال وزير الخارجية الكويتي إن الحرب على داعش طويلة. ", 10000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arabic.Analyze(tt.text)
			a.StemIndex() // made once per analysis (with its Stems), shared by the stages
			n := uint64(len(a.Tokens))
			got := allocated(func() { Extract(a, 10, Options{}) })
			// stem, sentence and by-stem ids (4 bytes each), the stop flag,
			// and room for the growth of what is kept per phrase.
			budget := 24*n + 256<<10
			if got > budget {
				t.Errorf("Extract allocated %d bytes (%.1f a token) for %d tokens; want at most %d", got, float64(got)/float64(n), n, budget)
			} else {
				t.Logf("Extract allocated %d bytes (%.1f a token) for %d tokens", got, float64(got)/float64(n), n)
			}
		})
	}
}
