package reuse_test

import (
	"fmt"

	"github.com/alam-nlp/alam/internal/reuse"
)

func ExampleResize() {
	scratch := make([]int32, 0, 16)
	scratch = reuse.Resize(scratch, 4, -1)
	fmt.Println(scratch, cap(scratch))
	// Output: [-1 -1 -1 -1] 16
}
