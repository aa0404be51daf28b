package reuse_test

import (
	"fmt"
	"strings"

	"github.com/alam-nlp/alam/internal/reuse"
)

func ExampleResize() {
	scratch := make([]int32, 0, 16)
	scratch = reuse.Resize(scratch, 4, -1)
	fmt.Println(scratch, cap(scratch))
	// Output: [-1 -1 -1 -1] 16
}

func ExampleSlices() {
	kept := &reuse.Slices[string]{Max: 1024}
	for _, doc := range []string{"a b", "c d e"} {
		h := kept.Get()
		words := append(*h, strings.Fields(doc)...)
		fmt.Println(len(words), words)
		kept.Put(h, words) // cleared, and its array kept for the next doc
	}
	// Output:
	// 2 [a b]
	// 3 [c d e]
}
