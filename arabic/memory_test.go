package arabic_test

import (
	"runtime"
	"strings"
	"testing"
	"unsafe"

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

// TestAnalyzeMemory bounds what Analyze allocates for a long text: the
// token array once at its final size, the normalized forms, the sentences.
// Before the tokens were counted first, the array was guessed from the
// length (a token per 8 bytes) and grown, which allocated it about twice
// over and held the old and the new array at once.
func TestAnalyzeMemory(t *testing.T) {
	if raceEnabled {
		t.Skip("-race changes what is allocated: slices.Grow's temporary array is allocated, doubling the tokens' bytes")
	}
	tests := []struct {
		name string
		text string
	}{
		{"short words", strings.Repeat("كتب ", 100000)},
		{"news", strings.Repeat("قال وزير الخارجية الكويتي إن الحرب على داعش طويلة. ", 10000)},
		{"one long token", strings.Repeat("ب", 500000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a *arabic.Analysis
			got := allocated(func() { a = arabic.Analyze(tt.text) })
			n := uint64(len(a.Tokens))
			perToken := uint64(unsafe.Sizeof(arabic.Token{})) + 8 // the token, and the end of its form while the forms are built
			// The sentences are appended: their array is allocated about
			// three times over as it grows.
			sentences := 3 * uint64(cap(a.Sentences)) * uint64(unsafe.Sizeof(arabic.Sentence{}))
			budget := n*perToken + 3*uint64(len(tt.text)) + sentences + 64<<10
			if got > budget {
				t.Errorf("Analyze allocated %d bytes for %d tokens of %d bytes; want at most %d", got, n, len(tt.text), budget)
			}
		})
	}
}
