package intern_test

import (
	"fmt"

	"github.com/alam-nlp/alam/internal/intern"
)

func ExampleTable() {
	words := intern.New(8)
	for _, w := range []string{"مصر", "عمان", "مصر"} {
		fmt.Println(words.Add(w))
	}
	fmt.Println(words.ID("عمان"), words.ID("قطر"), words.String(1), words.Len())
	// Output:
	// 1
	// 2
	// 1
	// 2 0 مصر 2
}
